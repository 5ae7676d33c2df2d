//! Who speaks, on sentences written for these tests: the data-driven cases of
//! `cases/speakers.txt` (name, kind and role of each source, and names, or
//! name and kind, that must not be taken for a source).

use pizhu::engine::{Engine, SpeakerKind};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::new)
}

fn kind_name(k: SpeakerKind) -> &'static str {
    match k {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Anonymous => "anonymous",
    }
}

#[test]
fn speaker_cases_from_file() {
    let cases = include_str!("cases/speakers.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in cases.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        count += 1;
        let mut fields = line.split('\t');
        let sentence = fields.next().unwrap_or("");
        let list = |f: Option<&str>| f.unwrap_or("").split('|').filter(|s| !s.is_empty()).map(str::to_string).collect::<Vec<_>>();
        let (want, not) = (list(fields.next()), list(fields.next()));
        let doc = engine().annotate(sentence);
        let got: Vec<String> = doc
            .speakers
            .iter()
            .map(|s| format!("{}/{}/{}", s.name, kind_name(s.kind), s.roles.join("+")))
            .collect();
        for w in &want {
            let mut parts = w.split('/');
            let (name, kind, role) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next());
            let found = doc.speakers.iter().any(|s| {
                s.name == name && kind_name(s.kind) == kind && role.is_none_or(|r| s.roles.iter().any(|x| x == r))
            });
            if !found {
                failures.push(format!("{sentence}\n  missing {w}; got {got:?}"));
            }
        }
        // name/kind: no speaker of that name and kind; name alone: no
        // speaker whose name contains it.
        for n in &not {
            let wrong = match n.split_once('/') {
                Some((name, kind)) => doc.speakers.iter().any(|s| s.name == name && kind_name(s.kind) == kind),
                None => doc.speakers.iter().any(|s| s.name.contains(n.as_str())),
            };
            if wrong {
                failures.push(format!("{sentence}\n  wrongly found {n}; got {got:?}"));
            }
        }
    }
    assert!(count >= 10, "the case file lost its cases ({count})");
    assert!(failures.is_empty(), "speaker cases failed:\n{}", failures.join("\n"));
}
