//! Sentence boundaries and the extent of indirect speech: from after the cue
//! to the end of its sentence, then on through following sentences of the
//! same paragraph while they are still the speaker's words.

use super::cues::Cue;
use super::lexicon::Lexicon;
use super::stops::Stops;
use crate::engine::work;
use super::text::{is_clause_punct, is_gap, is_open_quote, is_para, is_sentence_end, Text};

/// How many sentences after the first an indirect statement may run on.
const MAX_RUN_ON: usize = 3;

/// Where indirect content ends, and whether a quotation cut it short.
pub struct Extent {
    /// One past the last char of the content.
    pub end: usize,
    /// Char index of the opening mark of a speech quotation that ends the
    /// content (X表示，A，“B。”), if any.
    pub quote_at: Option<usize>,
}

/// What the extent rules look at besides the text: the per-text scan
/// tables, the person mask (per char) and every cue of the text.
pub struct Scope<'a> {
    /// Sentence ends, speech quotations and run-on stoppers of the text.
    pub stops: &'a Stops,
    /// Chars inside person names.
    pub person: &'a [bool],
    /// All cues, in text order.
    pub cues: &'a [Cue],
    /// For each cue, where its subject starts when the subject names a
    /// source (a name, an organization, a pronoun), else `None`.
    pub subject_at: &'a [Option<usize>],
}

/// The indirect content that starts at `from` (right after the cue and its
/// punctuation). `by_person` is true when the source is a person;
/// `speech_quote(i)` says whether a speech quotation opens at `i`.
pub fn indirect(t: &Text, lex: &Lexicon, sc: &Scope, from: usize, by_person: bool, speech_quote: &dyn Fn(usize) -> bool) -> Extent {
    let Scope { stops, person, cues, subject_at } = *sc;
    let (mut end, mut para) = stops.sentence_end(from);
    // A; B表示，C。: another cue later in the sentence, after a semicolon,
    // starts a new source, so the content ends at that semicolon.
    let ci = cues.partition_point(|c| c.start < from);
    if let Some(next) = cues.get(ci).filter(|c| c.start < end) {
        work::add(next.start - from);
        if let Some(k) = (from..next.start).find(|&k| matches!(t.c[k], '；' | ';')) {
            end = k;
            para = true;
        }
        // A称B  C称D: headline halves separated by a space between Han chars.
        let han_gap = |k: usize| {
            // The Han char before first: walking a run of spaces from inside
            // it again at every position would be quadratic in the run.
            if !(k > from && super::text::is_han(t.c[k - 1])) {
                return false;
            }
            let gap = |c: char| matches!(c, ' ' | '\u{3000}');
            let mut e = k;
            while e < t.len() && gap(t.c[e]) {
                e += 1;
            }
            work::add(e - k);
            e > k && t.c.get(e).is_some_and(|c| super::text::is_han(*c))
        };
        if let Some(k) = (from..next.start.min(end)).find(|&k| han_gap(k)) {
            end = k;
            para = true;
        }
        // A，B在8月1日宣布C: a clause with its own source and cue after a
        // comma is that source's statement, not this one's.
        if let Some(sa) = subject_at.get(ci).copied().flatten() {
            if sa > from && sa <= end && matches!(t.c[sa - 1], '，' | ',') {
                end = sa - 1;
                para = true;
            }
        }
    }
    // A speech quotation after clause punctuation ends the indirect part.
    let at_from = from < t.len() && is_open_quote(t.c[from]) && speech_quote(from);
    // The table holds every speech quotation; `speech_quote` may accept fewer
    // (none, for interview answers).
    if let Some((i, k)) = stops.speech_after_punct(from, end, at_from).filter(|&(i, _)| speech_quote(i)) {
        return Extent { end: trim_end(t, from, k), quote_at: Some(i) };
    }
    let mut extra = 0;
    while !para && extra < MAX_RUN_ON {
        let mut s = end;
        while s < t.len() && t.c[s].is_whitespace() && !is_para(t.c[s]) {
            s += 1;
        }
        work::add(s - end + 1);
        if s >= t.len() || is_para(t.c[s]) {
            break;
        }
        let (e, p) = stops.sentence_end(s);
        // 他/她 can only mean the source when no one else is the subject of the words so far.
        let names_other = from < s && person[from] || stops.clause_person_within(t, person, from, s);
        // 他/她 as a subject in the sentence (not 他的): when it stands for the
        // source, the sentence is the reporter's narration again (reported
        // speech says 自己).
        let third_person = by_person && !names_other && stops.he_she_within(t, person, s, e);
        // A sentence opening with an organization's name has a new actor: narration again.
        if !continues(t, lex, stops, person, cues, s, e) || starts_with_name(t, person, s) || t.org[s] || third_person {
            break;
        }
        end = e;
        para = p;
        extra += 1;
    }
    Extent { end: trim_end(t, from, end), quote_at: None }
}

/// True when the sentence `s..e` is still the speaker's words: no cue, no
/// quotation, no reporter framing, no reporter.
fn continues(t: &Text, lex: &Lexicon, stops: &Stops, person: &[bool], cues: &[Cue], s: usize, e: usize) -> bool {
    if is_open_quote(t.c[s]) {
        return false;
    }
    if lex.framing.longest_prefix(t.sub(s, e)).is_some() {
        return false;
    }
    if t.c[s] == '据' || stops.reporter_within(t, person, s, e) {
        return false;
    }
    // A new sentence with its own cue belongs to that cue, unless the cue is
    // the speaker's own 我认为/我觉得: reported speech never has the reporter
    // say 我, so that is still the source talking.
    let i = cues.partition_point(|c| c.start < s);
    if cues[i..].iter().take_while(|c| c.start < e).any(|c| !first_person(t, c.start)) {
        return false;
    }
    // Headline-like fragments without sentence punctuation end the statement.
    is_sentence_end(t.c[e.saturating_sub(1).max(s)]) || t.c.get(e.saturating_sub(1)).is_some_and(|c| *c == '…')
}

/// Adverbs between a subject and its cue (我也认为, 我们一直强调).
const SUBJECT_ADVERBS: &[&str] = &["也", "还", "就", "都", "则", "一直", "始终", "个人", "仍然", "依然"];

/// True when the cue starting at `cue` has 我 or 我们 as its subject.
fn first_person(t: &Text, cue: usize) -> bool {
    let mut end = cue;
    if let Some(adv) = SUBJECT_ADVERBS.iter().find(|a| t.ends_at(end, a)) {
        end -= adv.chars().count();
    }
    t.ends_at(end, "我") || t.ends_at(end, "我们")
}

/// True when the sentence at `s` opens with a person's name (a new subject:
/// narration, not the speaker's words).
fn starts_with_name(t: &Text, person: &[bool], s: usize) -> bool {
    if person.get(s).copied().unwrap_or(false) {
        return true;
    }
    let mut i = s;
    while i < t.len() && i < s + 8 && (super::text::is_han(t.c[i]) || matches!(t.c[i], '-' | '·')) {
        if matches!(t.c[i], '-' | '·') && i > s {
            return true;
        }
        i += 1;
    }
    false
}

/// Trims trailing spaces and clause punctuation from `from..end`.
pub fn trim_end(t: &Text, from: usize, mut end: usize) -> usize {
    let at = end;
    while end > from && (t.c[end - 1].is_whitespace() || is_clause_punct(t.c[end - 1])) {
        end -= 1;
    }
    work::add(at - end);
    end
}

/// Skips the gap after a cue: punctuation, spaces, and 是 after 回应/原话.
pub fn content_start(t: &Text, cue: &Cue) -> usize {
    let mut i = cue.end;
    if t.c.get(i) == Some(&'是') && !t.at(i, "是否") {
        i += 1;
    }
    // 告诉《某某报》记者，… / 告诉记者：… : the addressee is not the content.
    if t.sub(cue.verb, cue.end) == "告诉" {
        let mut j = i;
        while j < t.len() && j < i + 16 && !is_clause_punct(t.c[j]) && !is_sentence_end(t.c[j]) {
            j += 1;
        }
        if j < t.len() && j < i + 16 && is_clause_punct(t.c[j]) {
            i = j;
        }
    }
    while i < t.len() && is_gap(t.c[i]) {
        i += 1;
    }
    i
}
