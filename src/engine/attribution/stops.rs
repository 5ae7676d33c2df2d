//! Per-text tables for the clause scans ([`super::clauses`]): where each
//! sentence ends, where speech quotations open after punctuation, and where
//! the words are that end an indirect statement's run-on. Built once per
//! text in one pass over its chars; each query is a binary search.
//!
//! Why: every cue used to re-read its sentence from the cue to the stop, so
//! a long sentence holding many cues (郑明远说：× n, no full stop) cost
//! O(n) per cue and O(n²) in all.

use crate::engine::chars::mark;
use crate::engine::work;
use std::cell::OnceCell;
use super::text::{is_clause_punct, is_gap, is_open_quote, is_para, is_sentence_end, Text};

/// A paragraph break, or a sentence end outside quotations.
#[derive(Clone, Copy)]
struct Stop {
    /// Char index of the break or the sentence-end mark.
    at: u32,
    /// One past the run of closing punctuation that starts at `at` (！！, 。…);
    /// `at` itself for a paragraph break.
    end: u32,
    /// True for a paragraph break.
    para: bool,
}

/// The clause-scan tables of one text.
pub struct Stops {
    n: usize,
    stops: Vec<Stop>,
    /// Where the body starts after a glued dateline ([`Text::breaks_before`]):
    /// a break like a paragraph's for every sentence that starts before it.
    body_start: Option<usize>,
    /// Speech quotations that open right after a gap or clause punctuation:
    /// (opening mark, start of that run of gaps and punctuation).
    speech_after_punct: Vec<(u32, u32)>,
    /// What the run-on checks need, built on their first use (many texts
    /// have no statement that runs on).
    run_on: OnceCell<RunOn>,
}

/// Positions the run-on checks of [`super::clauses`] look for, ascending.
struct RunOn {
    /// Person chars that open a clause or sentence (after clause or sentence punctuation).
    clause_people: Vec<u32>,
    /// 他/她 as a pronoun subject (tagged `r`, not followed by 的).
    he_she: Vec<u32>,
    /// Reporter words (记者, 本报 …) as (start, end) char ranges, by start
    /// (a start may repeat: no word is a prefix of another, but keep all).
    reporter: Vec<(u32, u32)>,
    /// `reporter_min_end[k]`: the smallest end among `reporter[k..]`.
    reporter_min_end: Vec<u32>,
}

/// Words that mark a sentence as the reporter's, not the speaker's.
const REPORTER_WORDS: [&str; 5] = ["记者", "本报", "笔者", "我要评论", "责任编辑"];

impl Stops {
    /// Builds the tables. `masked` marks chars inside quotation marks,
    /// `person` chars inside person names; `speech_opens` are the char
    /// indices of the opening marks of speech quotations.
    pub fn new(t: &Text, masked: &[bool], speech_opens: impl Iterator<Item = usize>) -> Self {
        let n = t.len();
        let c = &t.c;
        let mut stops = Vec::new();
        // The closing run after a stop (！！, 。…) is walked once; stops inside it share its end.
        let mut run_end = 0;
        for i in t.marks_of(mark::STOP) {
            let ch = c[i];
            if is_para(ch) {
                stops.push(Stop { at: i as u32, end: i as u32, para: true });
            } else if !masked[i] && is_sentence_end(ch) {
                if run_end <= i {
                    run_end = i + 1;
                    while run_end < n && (is_sentence_end(c[run_end]) || c[run_end] == '…') {
                        run_end += 1;
                    }
                }
                stops.push(Stop { at: i as u32, end: run_end as u32, para: false });
            }
        }
        let mut speech_after_punct: Vec<(u32, u32)> = speech_opens
            .filter(|&i| i > 0 && i < n && is_open_quote(c[i]) && is_gap_or_punct(c[i - 1]))
            .map(|i| {
                let mut k = i;
                while k > 0 && is_gap_or_punct(c[k - 1]) {
                    k -= 1;
                }
                (i as u32, k as u32)
            })
            .collect();
        speech_after_punct.sort_unstable();
        work::add(n);
        Stops { n, stops, body_start: t.body_start, speech_after_punct, run_on: OnceCell::new() }
    }

    /// The run-on lists; `t` and `person` must be the text these tables were
    /// built for and its person mask (the lists are built on the first call).
    fn run_on(&self, t: &Text, person: &[bool]) -> &RunOn {
        debug_assert_eq!((t.len(), person.len()), (self.n, self.n));
        self.run_on.get_or_init(|| {
            let c = &t.c;
            let mut clause_people = Vec::new();
            let mut he_she = Vec::new();
            let mut reporter = Vec::new();
            for i in 0..c.len() {
                if clause_person_at(t, person, i) {
                    clause_people.push(i as u32);
                }
                if he_she_at(t, i) {
                    he_she.push(i as u32);
                }
                reporter_words_at(t, i, |z| reporter.push((i as u32, z as u32)));
            }
            let mut reporter_min_end = vec![u32::MAX; reporter.len()];
            let mut m = u32::MAX;
            for k in (0..reporter.len()).rev() {
                m = m.min(reporter[k].1);
                reporter_min_end[k] = m;
            }
            work::add(self.n);
            RunOn { clause_people, he_she, reporter, reporter_min_end }
        })
    }

    /// The end of the sentence starting at `from`: after the first 。！？
    /// outside quotations (with the closing run after it: ！！, 。…), or at
    /// the paragraph break or the body start after a dateline, or the text
    /// end. Returns `(end, stopped_at_paragraph)`.
    pub fn sentence_end(&self, from: usize) -> (usize, bool) {
        work::add(1);
        let k = self.stops.partition_point(|s| (s.at as usize) < from);
        let next = self.stops.get(k);
        // The body start breaks a sentence that starts before it, also where a
        // stop falls on that very char.
        if let Some(b) = self.body_start.filter(|&b| b > from && next.is_none_or(|s| b <= s.at as usize)) {
            return (b.min(self.n), true);
        }
        match next {
            None => (self.n, true),
            Some(s) if s.para => (s.at as usize, true),
            Some(s) => (s.end as usize, false),
        }
    }

    /// The first speech quotation in `from..end` that opens the content's
    /// first char or follows a gap or clause punctuation: its opening mark
    /// and where that punctuation run starts (not before `from`).
    /// `opens_speech_at_from` says whether a speech quotation opens at `from`.
    pub fn speech_after_punct(&self, from: usize, end: usize, opens_speech_at_from: bool) -> Option<(usize, usize)> {
        work::add(1);
        if from < end && opens_speech_at_from {
            return Some((from, from));
        }
        let k = self.speech_after_punct.partition_point(|&(i, _)| (i as usize) <= from);
        let &(i, run) = self.speech_after_punct.get(k)?;
        ((i as usize) < end).then(|| (i as usize, (run as usize).max(from)))
    }

    /// True when a person's name (`person`: the text's person mask) opens a
    /// clause strictly inside `from..s` (after clause or sentence punctuation).
    pub fn clause_person_within(&self, t: &Text, person: &[bool], from: usize, s: usize) -> bool {
        if s.saturating_sub(from) <= DIRECT {
            work::add(s.saturating_sub(from));
            return (from + 1..s).any(|i| clause_person_at(t, person, i));
        }
        any_in(&self.run_on(t, person).clause_people, from + 1, s)
    }

    /// True when 他/她 stands as a pronoun subject somewhere in `s..e`.
    pub fn he_she_within(&self, t: &Text, person: &[bool], s: usize, e: usize) -> bool {
        if e.saturating_sub(s) <= DIRECT {
            work::add(e.saturating_sub(s));
            return (s..e).any(|i| he_she_at(t, i));
        }
        any_in(&self.run_on(t, person).he_she, s, e)
    }

    /// True when a reporter word (记者, 本报, 笔者, 我要评论, 责任编辑) lies wholly in `s..e`.
    pub fn reporter_within(&self, t: &Text, person: &[bool], s: usize, e: usize) -> bool {
        if e.saturating_sub(s) <= DIRECT {
            work::add(e.saturating_sub(s));
            let mut within = false;
            for i in s..e {
                reporter_words_at(t, i, |z| within |= z <= e);
            }
            return within;
        }
        let r = self.run_on(t, person);
        let k = r.reporter.partition_point(|&(a, _)| (a as usize) < s);
        r.reporter_min_end.get(k).is_some_and(|&m| (m as usize) <= e)
    }
}

/// Ranges up to this many chars are scanned directly by the run-on checks;
/// longer ones (a sentence that never ends) read the lists, built once.
const DIRECT: usize = 256;

/// A person's name opens a clause or sentence at char `i`.
fn clause_person_at(t: &Text, person: &[bool], i: usize) -> bool {
    person[i] && i > 0 && (is_clause_punct(t.c[i - 1]) || is_sentence_end(t.c[i - 1]))
}

/// 他/她 stands as a pronoun subject at char `i` (tagged `r`, not 他的).
/// (The token must open at `i`: the 他 of 其他 is no pronoun.)
fn he_she_at(t: &Text, i: usize) -> bool {
    matches!(t.c[i], '他' | '她') && t.tok_start(i) == i && t.tag(i) == "r" && t.c.get(i + 1) != Some(&'的')
}

/// Calls `hit(end)` for each reporter word written at char `i` (its end, a char index).
fn reporter_words_at(t: &Text, i: usize, mut hit: impl FnMut(usize)) {
    if matches!(t.c[i], '记' | '本' | '笔' | '我' | '责') {
        for w in REPORTER_WORDS.iter().filter(|w| t.at(i, w)) {
            hit(i + w.chars().count());
        }
    }
}

/// A gap or clause punctuation char (what may stand between words and a quotation).
fn is_gap_or_punct(c: char) -> bool {
    is_gap(c) || is_clause_punct(c)
}

/// True when the ascending list `xs` holds a value in `a..b`.
fn any_in(xs: &[u32], a: usize, b: usize) -> bool {
    work::add(1);
    let k = xs.partition_point(|&x| (x as usize) < a);
    xs.get(k).is_some_and(|&x| (x as usize) < b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan the table replaces.
    fn scan(t: &Text, masked: &[bool], from: usize) -> (usize, bool) {
        let n = t.len();
        for (i, &c) in t.c.iter().enumerate().skip(from) {
            if is_para(c) {
                return (i, true);
            }
            if !masked[i] && is_sentence_end(c) {
                let mut j = i + 1;
                while j < n && (is_sentence_end(t.c[j]) || t.c[j] == '…') {
                    j += 1;
                }
                return (j, false);
            }
        }
        (n, true)
    }

    #[test]
    fn sentence_ends_match_the_scan() {
        let s = "他说：“好。”真的！！…又说\n第二段。？末尾";
        let chars = crate::engine::chars::Chars::new(s, &[]);
        let t = Text::over(&chars);
        let masked: Vec<bool> = t.c.iter().scan(false, |inside, &c| {
            let was = *inside || c == '“';
            *inside = (*inside || c == '“') && c != '”';
            Some(was)
        }).collect();
        let stops = Stops::new(&t, &masked, std::iter::empty());
        for from in 0..=t.len() + 1 {
            assert_eq!(stops.sentence_end(from), scan(&t, &masked, from), "from {from}");
        }
    }

    #[test]
    fn speech_after_punctuation_and_reporter_words() {
        let s = "甲说，，“乙。”丙“丁。”记者";
        let chars = crate::engine::chars::Chars::new(s, &[]);
        let t = Text::over(&chars);
        let opens: Vec<usize> = (0..t.len()).filter(|&i| t.c[i] == '“').collect();
        let stops = Stops::new(&t, &vec![false; t.len()], opens.iter().copied());
        // The first quotation follows commas (run from 2); the second follows 丙.
        assert_eq!(stops.speech_after_punct(0, t.len(), false), Some((4, 2)));
        assert_eq!(stops.speech_after_punct(3, t.len(), false), Some((4, 3)));
        assert_eq!(stops.speech_after_punct(5, t.len(), false), None);
        assert_eq!(stops.speech_after_punct(9, t.len(), true), Some((9, 9)));
        let person = vec![false; t.len()];
        assert!(stops.reporter_within(&t, &person, 0, t.len()) && !stops.reporter_within(&t, &person, 0, t.len() - 1));
    }
}
