//! Interview turns: `名字：答话`, the answer attributed by context.
//!
//! Interviews come in two shapes. With paragraphs, each turn opens a
//! paragraph (记者：… ⏎ 吴桂英：…). Pasted as one line (common in archives),
//! the turns follow each other inside the line (…？吴尊：其实…。记者：…), and a
//! report may quote a source it has introduced at length by its name and a
//! colon (杨红旭表示，… 。杨红旭：这两个政策…). A turn is a short label and a
//! colon at the start of a paragraph or a sentence; a label is a question
//! (记者, 主持人, 问) or a person's name.

use super::super::model::SpeakerKind;
use super::clauses::{self, Scope};
use super::lexicon::Lexicon;
use super::registry::Registry;
use super::speakers::{self, Found};
use super::text::{is_close_quote, is_han, is_para, is_sentence_end, Text};

/// Labels of the interviewer's turns: they are questions, not statements.
const QUESTION_LABELS: &[&str] = &["记者", "问", "答", "主持人", "编者", "本报", "提问"];

/// Longest label, in chars (a Chinese full name has at most four).
const MAX_LABEL: usize = 4;

/// One `label：` found at a paragraph or sentence start (char indices).
struct Turn {
    /// The label's first char.
    start: usize,
    /// The colon.
    colon: usize,
    /// The turn opens a paragraph (or the text), not a sentence inside one.
    opens_paragraph: bool,
    /// The label is an interviewer's (记者, 问).
    question: bool,
}

/// An answer accepted as a direct statement: who and the words.
pub struct Answer {
    /// The speaker's registry index.
    pub speaker: usize,
    /// The answer, trimmed (char indices).
    pub body: (usize, usize),
}

/// The answers of the text's interview turns, each registered as a person
/// speaker in `reg`. `person` marks chars inside person names; `scope` bounds
/// answers that are not followed by another turn.
pub fn answers(t: &Text, lex: &Lexicon, reg: &mut Registry, person: &[bool], scope: &Scope) -> Vec<Answer> {
    let turns = find(t);
    let questions = turns.iter().filter(|x| x.question).count();
    let is_name = |tr: &Turn| {
        let name = t.sub(tr.start, tr.colon);
        (2..=MAX_LABEL).contains(&(tr.colon - tr.start))
            && name.chars().all(is_han)
            && (speakers::is_person_name(t, person, tr.start, tr.colon) || reg.find(name, SpeakerKind::Person).is_some())
    };
    // Each name turn with its words; a paragraph answer must be a whole
    // sentence or quotation, not a label or a sub-heading (姓名：张三).
    let candidates: Vec<(usize, (usize, usize))> = turns
        .iter()
        .enumerate()
        .filter(|(_, tr)| !tr.question && is_name(tr))
        .filter_map(|(k, tr)| {
            let next = turns.get(k + 1).map(|x| x.start);
            let body = body(t, lex, scope, tr, next, questions > 0)?;
            let last = t.c[body.1 - 1];
            (!tr.opens_paragraph || is_sentence_end(last) || is_close_quote(last)).then_some((k, body))
        })
        .collect();
    // One "名字：" paragraph is a caption or a label; an interview has several.
    let paragraph_answers = candidates.iter().filter(|(k, _)| turns[*k].opens_paragraph).count();
    let sentence_answers = candidates.len() - paragraph_answers;
    let mut accepted_turns = Vec::new();
    for (k, body) in candidates {
        let tr = &turns[k];
        let name = t.sub(tr.start, tr.colon);
        let accepted = if tr.opens_paragraph {
            // The first paragraph is the headline (名字：口号 is a headline claim).
            tr.start > 0 && paragraph_answers >= 2
        } else {
            // Inside a paragraph: an interview pasted as one line (questions
            // and answers alternate), or a source the report already quoted
            // by a speech cue.
            (questions >= 1 && sentence_answers >= 2) || reg.find(name, SpeakerKind::Person).is_some()
        };
        if accepted {
            accepted_turns.push((tr.start, tr.colon, body));
        }
    }
    // Registered only now: an accepted answer must not make a later label
    // (the same name in a caption) count as "already quoted".
    accepted_turns
        .into_iter()
        .map(|(start, colon, body)| {
            let f = Found { name: t.sub(start, colon).to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (start, colon) };
            Answer { speaker: reg.add(&f), body }
        })
        .collect()
}

/// Every `label：` at a paragraph or sentence start, in text order.
fn find(t: &Text) -> Vec<Turn> {
    let mut out = Vec::new();
    // The colons, as the char view marked them (most chars are none).
    let colons = t.marks_of(crate::engine::chars::mark::COLON).filter(|&i| i > 0);
    for colon in colons {
        // The label: up to MAX_LABEL chars back, no spaces or punctuation.
        let mut start = colon;
        while start > 0 && colon - start < MAX_LABEL && is_han(t.c[start - 1]) {
            start -= 1;
        }
        if start == colon {
            continue;
        }
        if let Some(opens_paragraph) = opens_turn(t, start) {
            let question = QUESTION_LABELS.contains(&t.sub(start, colon));
            out.push(Turn { start, colon, opens_paragraph, question });
        } else if let Some(q) = QUESTION_LABELS.iter().find(|q| q.chars().count() >= 2 && t.ends_at(colon, q)) {
            // A one-line interview glues sub-headings to the next question
            // (…认真做演员记者：): the interviewer's label still starts a turn.
            let start = colon - q.chars().count();
            out.push(Turn { start, colon, opens_paragraph: false, question: true });
        }
    }
    out
}

/// Whether a turn can start at `i`: `Some(true)` at a paragraph (or text)
/// start, `Some(false)` after a sentence end or a closing quotation mark,
/// `None` elsewhere (mid-sentence: 他说：…, 时间：…).
fn opens_turn(t: &Text, i: usize) -> Option<bool> {
    let mut j = i;
    while j > 0 && matches!(t.c[j - 1], ' ' | '\u{3000}' | '\t') {
        j -= 1;
    }
    if j == 0 || is_para(t.c[j - 1]) {
        return Some(true);
    }
    let c = t.c[j - 1];
    // A closing mark ends a sentence only after sentence punctuation (…。”):
    // after a term in marks (也曾“批评”胡歌：) the sentence goes on.
    let closes_sentence = is_close_quote(c) && j >= 2 && is_sentence_end(t.c[j - 2]);
    (is_sentence_end(c) || closes_sentence).then_some(false)
}

/// The words of an answer: from after the colon to the next turn, within the
/// paragraph. Without interviewer turns in the text (a report quoting its
/// source by name and colon) the answer runs only as far as reported speech
/// would: to the next sentence that has its own source.
fn body(t: &Text, lex: &Lexicon, scope: &Scope, tr: &Turn, next: Option<usize>, interview: bool) -> Option<(usize, usize)> {
    let mut a = tr.colon + 1;
    while a < t.len() && t.c[a].is_whitespace() && !is_para(t.c[a]) {
        a += 1;
    }
    let mut z = a;
    let limit = next.unwrap_or(t.len());
    while z < limit && !is_para(t.c[z]) {
        z += 1;
    }
    if !interview && a < z {
        let ext = clauses::indirect(t, lex, scope, a, true, &|_| false);
        z = z.min(ext.end.max(a));
        // The speaker's own name in the words is narration about them: a
        // sub-heading glued to the text (杨某：拍戏险些受伤杨某表示…), or the
        // report taking over again.
        let name = t.sub(tr.start, tr.colon);
        if let Some(k) = name_within(t, name, tr.colon - tr.start, a, z) {
            let (first_end, _) = scope.stops.sentence_end(a);
            if k < first_end {
                return None;
            }
            let mut s = a;
            while s < k {
                let (e, _) = scope.stops.sentence_end(s);
                if e > k {
                    break;
                }
                s = e;
            }
            z = s;
        }
    }
    while z > a && t.c[z - 1].is_whitespace() {
        z -= 1;
    }
    (z > a).then_some((a, z))
}

/// The first char index in `a..z` where `name` (all Han, `name_chars`
/// long) is written. Searched from `a` only: a Han name cannot run across
/// the colon or space before `a`, so this is the first of the text's
/// non-overlapping occurrences there (searching the whole text once per
/// turn was quadratic in a text of many turns).
fn name_within(t: &Text, name: &str, name_chars: usize, a: usize, z: usize) -> Option<usize> {
    // An occurrence starting before `z` ends before `z + name_chars`.
    let end = (z + name_chars).min(t.len());
    let from = t.b[a];
    crate::engine::work::add(end - a + 1);
    let at = t.s[from..t.b[end]].find(name)?;
    let k = t.char_of(from + at);
    (k < z).then_some(k)
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    /// The answers found in `text`, as (name, words).
    fn answers_of(text: &str) -> Vec<(String, String)> {
        let doc = Engine::new().annotate(text);
        doc.statements
            .iter()
            .filter(|s| s.cue.is_none())
            .map(|s| (doc.speakers[s.speakers[0]].name.clone(), s.span.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn one_line_interview_turns_are_answers() {
        let text = "歌手韦栖岚谈新专辑。记者：新专辑什么时候发？韦栖岚：下个月。我们还在混音。记者：会巡演吗？韦栖岚：会，先去南方。";
        assert_eq!(
            answers_of(text),
            [("韦栖岚".to_string(), "下个月。我们还在混音。".to_string()), ("韦栖岚".to_string(), "会，先去南方。".to_string())]
        );
    }

    #[test]
    fn a_sub_heading_glued_to_a_question_ends_the_answer_before_the_label() {
        let text = "记者：新专辑什么时候发？韦栖岚：下个月。巡演计划记者：会巡演吗？韦栖岚：会。";
        assert_eq!(
            answers_of(text),
            [("韦栖岚".to_string(), "下个月。巡演计划".to_string()), ("韦栖岚".to_string(), "会。".to_string())]
        );
    }

    #[test]
    fn a_quoted_source_named_with_a_colon_inside_a_paragraph() {
        let text = "研究员郑明远表示，房价会企稳。郑明远：成交量已经回升，库存也在下降。上海研究院院长周立则认为，还要观察。";
        let got = answers_of(text);
        assert_eq!(got, [("郑明远".to_string(), "成交量已经回升，库存也在下降。".to_string())]);
    }

    #[test]
    fn a_label_inside_a_sentence_is_not_a_turn() {
        // 时间： and 地点： are form labels; 他说： is a cue, not a turn.
        let text = "活动安排如下。时间：五月。地点：北京。郑明远说：我们准备好了。";
        assert!(answers_of(text).is_empty(), "{:?}", answers_of(text));
    }

    #[test]
    fn a_sub_heading_naming_its_subject_is_not_an_answer() {
        // The heading 韦栖岚：新歌获奖 runs into a sentence that names her again.
        let text = "歌手韦栖岚说，她很开心。韦栖岚：新歌获奖韦栖岚昨天领奖时笑了。";
        assert!(answers_of(text).is_empty(), "{:?}", answers_of(text));
    }

    #[test]
    fn a_name_after_a_term_in_quotation_marks_is_not_a_turn() {
        let text = "郑明远说，他很满意。他也曾“批评”郑明远：有一次迟到了。";
        assert!(answers_of(text).is_empty(), "{:?}", answers_of(text));
    }

    #[test]
    fn a_single_name_colon_without_questions_or_cue_is_not_an_answer() {
        let text = "新书发布。韦栖岚：作家，生于北京。";
        assert!(answers_of(text).is_empty());
    }
}
