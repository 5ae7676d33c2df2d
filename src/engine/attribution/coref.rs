//! Pronouns (他, 她, 其) and anaphors (上述人士, 该负责人, 这位中锋) resolved to the
//! speaker they stand for.

use super::super::model::SpeakerKind;
use super::registry::Registry;
use super::speakers::Found;
use super::text::Text;

/// How far back (chars) a pronoun looks for its person.
const REACH: usize = 400;

/// The nearest person before char `p`: a person speaker's mention or a run
/// of person-tagged chars. Returns the registry index (adding the person when
/// it is not yet a speaker).
pub fn pronoun(t: &Text, reg: &mut Registry, person: &[bool], p: usize) -> Option<usize> {
    let lo = p.saturating_sub(REACH);
    // Nearest speaker mention that is a person.
    let mut best: Option<(usize, usize)> = None; // (end, entry)
    for (i, e) in reg.entries.iter().enumerate() {
        if e.kind != SpeakerKind::Person {
            continue;
        }
        for &(_, z) in &e.mentions {
            if z <= p && z >= lo && best.is_none_or(|(bz, _)| z > bz) {
                best = Some((z, i));
            }
        }
    }
    // Nearest run of person-tagged chars (a name nobody has quoted yet).
    let mut j = p;
    while j > lo && !person[j - 1] {
        j -= 1;
    }
    if j > lo && person[j - 1] && best.is_none_or(|(bz, _)| j > bz) {
        let mut k = j;
        while k > 0 && person[k - 1] {
            k -= 1;
        }
        if j - k >= 2 {
            let f = Found {
                name: t.sub(k, j).to_string(),
                kind: SpeakerKind::Person,
                role: None,
                alias: None,
                at: (k, j),
            };
            return Some(reg.add(&f));
        }
    }
    best.map(|(_, i)| i)
}

/// The speaker that `上述X` / `该X` / `这位X` refers to: the most recently
/// mentioned speaker whose name or alias ends with X, or, for a bare role
/// word, the nearest person.
pub fn anaphor(t: &Text, reg: &mut Registry, person: &[bool], desc: &str, p: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, e) in reg.entries.iter().enumerate() {
        let fits = e.name.ends_with(desc) || e.aliases.iter().any(|a| a.ends_with(desc));
        if !fits {
            continue;
        }
        for &(_, z) in &e.mentions {
            if z <= p && best.is_none_or(|(bz, _)| z > bz) {
                best = Some((z, i));
            }
        }
    }
    if let Some((_, i)) = best {
        return Some(i);
    }
    // 该人士 / 上述人士 with no exact match: the nearest anonymous source.
    if matches!(desc, "人士" | "负责人" | "官员" | "人员" | "专家") {
        let mut near: Option<(usize, usize)> = None;
        for (i, e) in reg.entries.iter().enumerate() {
            if e.kind != SpeakerKind::Anonymous && desc == "人士" {
                continue;
            }
            for &(_, z) in &e.mentions {
                if z <= p && near.is_none_or(|(bz, _)| z > bz) {
                    near = Some((z, i));
                }
            }
        }
        if let Some((_, i)) = near {
            return Some(i);
        }
    }
    let _ = (t, person);
    None
}
