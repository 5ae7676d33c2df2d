//! Golden tests for attribution: every fixture in `tests/fixtures/*.txt`
//! (team-written text) is annotated and its speakers and statements are
//! printed one a line and compared with `tests/golden/NAME.txt`, which was
//! reviewed by eye. Run with `PIZHU_BLESS=1` to rewrite the golden files
//! after a deliberate change, then review the diff.

use pizhu::contract::{self, Annotation};
use pizhu::engine::Engine;
use std::fs;
use std::path::Path;

/// One line per speaker and statement, in output order.
fn render(ann: &Annotation) -> String {
    let mut out = String::new();
    let name_of = |id: &str| ann.speakers.iter().find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_default();
    for s in &ann.speakers {
        out.push_str(&format!(
            "speaker {} {} roles={} aliases={}\n",
            s.kind,
            s.name,
            s.roles.join("|"),
            s.aliases.join("|")
        ));
    }
    for st in &ann.statements {
        let cue = st.cue.as_ref().map(|c| c.text.as_str()).unwrap_or("-");
        let who: Vec<String> = st.speakers.iter().map(|id| name_of(id)).collect();
        out.push_str(&format!("statement {} {} [{}] {}\n", st.kind, cue, who.join("/"), st.text));
    }
    out
}

#[test]
fn fixtures_match_golden_output() {
    let engine = Engine::new();
    let bless = std::env::var_os("PIZHU_BLESS").is_some();
    let mut failures = Vec::new();
    let mut paths: Vec<_> = fs::read_dir("tests/fixtures").unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
        let text = fs::read_to_string(path).unwrap();
        let ann = contract::annotate(&engine, &text);
        let got = render(&ann);
        let golden = Path::new("tests/golden").join(path.file_name().unwrap());
        if bless {
            fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            failures.push(format!("{}:\n--- want\n{want}--- got\n{got}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
