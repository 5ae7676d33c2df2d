//! Pronouns (他, 她, 其) and anaphors (上述人士, 该负责人, 这位中锋) resolved to the
//! speaker they stand for.

use super::super::model::SpeakerKind;
use super::registry::{Entry, Registry};
use super::speakers::Found;
use super::subject::{clause_start, trim};
use crate::engine::work;
use super::text::{is_close_quote, is_para, is_sentence_end, Text};

/// How far back (chars) a pronoun looks for its person.
const REACH: usize = 400;

/// The nearest person before char `p`: a person speaker's mention or a run
/// of person-tagged chars. Returns the registry index (adding the person when
/// it is not yet a speaker).
pub fn pronoun(t: &Text, reg: &mut Registry, person: &[bool], p: usize) -> Option<usize> {
    // 1. The person opening an earlier clause of this sentence (库班对韦伯的
    //    批评作出回应，他认为…: 他 is 库班, not the nearer 韦伯).
    if let Some((a, z)) = clause_initial_person(t, person, p) {
        let f = Found { name: t.sub(a, z).to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (a, z) };
        return Some(reg.add(&f));
    }
    // 2. At a sentence start, the source of the sentence before (…总监透露，…。他同时承认).
    if sentence_initial(t, p) {
        let best = latest_mention(reg, p, |e| e.kind != SpeakerKind::Organization).filter(|&(z, _)| z + 200 >= p);
        if let Some((z, i)) = best {
            if !(z..p).any(|k| person[k]) {
                return Some(i);
            }
        }
    }
    let lo = p.saturating_sub(REACH);
    // Runs below are names the entity pass accepted: jieba alone tags common
    // words as names (阳光/nr), and a pronoun never stands for those.
    let person = &t.person_entity[..];
    // Nearest speaker mention that is a person: (end, entry).
    let best = latest_mention(reg, p, |e| e.kind == SpeakerKind::Person).filter(|&(z, _)| z >= lo);
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
        // With a quoted person nearby, a run jieba alone tagged as a name (通达, 应变措施)
        // must still look like a name to win: 2–3 chars from a surname, or a
        // transliteration (杰弗森, 保罗-米尔萨普).
        let run = t.sub(k, j);
        let elx = super::super::lexicon::Lexicon::get();
        let looks_like_name = run.contains(['-', '·', '•'])
            || run.chars().all(|c| elx.is_translit(c))
            || (2..=3).contains(&(j - k)) && elx.surname_at_start(run).is_some();
        if j - k >= 2 && (best.is_none() || looks_like_name) {
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

/// True when char `p` opens a sentence (after 。！？, a paragraph break or the text start).
fn sentence_initial(t: &Text, p: usize) -> bool {
    let mut j = p;
    while j > 0 && t.c[j - 1].is_whitespace() && !is_para(t.c[j - 1]) {
        j -= 1;
    }
    j == 0 || t.breaks_before(j) || is_para(t.c[j - 1]) || is_sentence_end(t.c[j - 1]) || is_close_quote(t.c[j - 1])
}

/// A person name opening one of the earlier clauses of the sentence that
/// contains char `p` (nearest clause first).
fn clause_initial_person(t: &Text, person: &[bool], p: usize) -> Option<(usize, usize)> {
    let mut end = p;
    for _ in 0..4 {
        let cs = clause_start(t, end);
        if cs == 0 || !matches!(t.c[cs - 1], '，' | ',') {
            return None;
        }
        let prev = clause_start(t, cs - 1);
        // The clause's subject phrase (cut before 对/向/在…): its first name.
        if let Some((a, z)) = trim(t, prev, cs - 1) {
            // A name inside a 的-modifier (与赵又廷合作的导演徐克) is not the subject.
            let from = (a..z).rev().find(|&i| t.c[i] == '的' && (i..z).any(|k| person[k])).map_or(a, |d| d + 1);
            if let Some(run) = first_name_run(person, from, z) {
                return Some(run);
            }
        }
        end = prev;
    }
    None
}

/// The speaker that `上述X` / `该X` / `这位X` refers to: the most recently
/// mentioned speaker whose name or alias ends with X, or, for a bare role
/// word, the nearest person.
pub fn anaphor(t: &Text, reg: &mut Registry, person: &[bool], desc: &str, p: usize) -> Option<usize> {
    let fits = |e: &Entry| e.name.ends_with(desc) || e.aliases.iter().any(|a| a.ends_with(desc)) || e.roles.iter().any(|r| r.ends_with(desc));
    if let Some((_, i)) = latest_mention(reg, p, fits) {
        return Some(i);
    }
    // 该人士 / 上述人士 with no exact match: the nearest anonymous source.
    if matches!(desc, "人士" | "负责人" | "官员" | "人员" | "专家") {
        if let Some((_, i)) = latest_mention(reg, p, |e| e.kind == SpeakerKind::Anonymous || desc != "人士") {
            return Some(i);
        }
    }
    let _ = (t, person);
    None
}

/// The first run of person-tagged chars in `from..z`, when it is at least two
/// chars long (a name rather than a stray tag).
pub(super) fn first_name_run(person: &[bool], from: usize, z: usize) -> Option<(usize, usize)> {
    let s = (from..z).find(|&i| person[i])?;
    let e = (s..z).find(|&i| !person[i]).unwrap_or(z);
    (e - s >= 2).then_some((s, e))
}

/// Among the registry entries that `fits`, the one with the mention ending
/// last at or before `p` (the earliest entry wins a tie): (that end, entry).
/// How far back (chars) a document looks for the source that issued it.
const DOCUMENT_REACH: usize = 300;

/// The source a document subject at char `p` speaks for (声明还称, 报道说):
/// the speaker mentioned last before it, of any kind, within
/// [`DOCUMENT_REACH`] and no further back than the paragraph before.
pub fn document(t: &Text, reg: &Registry, p: usize) -> Option<usize> {
    let (z, i) = latest_mention(reg, p, |_| true)?;
    let paras = (z..p).filter(|&k| is_para(t.c[k])).count();
    (z + DOCUMENT_REACH >= p && paras <= 1).then_some(i)
}

fn latest_mention(reg: &Registry, p: usize, fits: impl Fn(&Entry) -> bool) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    work::add(reg.entries.len());
    for (i, e) in reg.entries.iter().enumerate().filter(|(_, e)| fits(e)) {
        if let Some(z) = e.last_end_until(p) {
            if best.is_none_or(|(bz, _)| z > bz) {
                best = Some((z, i));
            }
        }
    }
    best
}
