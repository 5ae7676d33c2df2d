//! Who said what: speech cues, statements and their speakers.
//!
//! One pass over the cues (found by [`cues`]): each cue's subject phrase
//! ([`subject`]) becomes speakers ([`speakers`], [`coref`], [`registry`]); the
//! words after it become an indirect statement ([`clauses`]) or, when a
//! quotation follows, a direct one. Quotations right before a subject
//! (“…”X说) or at the start of a sentence that names its speaker take that
//! cue's speaker. Roles are completed last ([`roles`]).

/// Sentence ends and how far indirect speech runs.
pub mod clauses;
/// The dateline where a report's body begins after a glued headline.
pub mod dateline;
/// Pronouns and anaphors resolved to speakers.
pub mod coref;
/// Speech-cue matching.
pub mod cues;
/// The attribution word lists (cues, descriptors, framing, titles).
pub mod lexicon;
/// Speakers of one text, merged by name.
pub mod registry;
/// Per-text tables for the clause scans (sentence ends, speech quotations).
pub mod stops;
/// Which places the statements recorded so far cover, asked in text order.
pub mod covering;
/// Roles, titles, affiliations and full names of person speakers.
pub mod roles;
/// Subject phrase → person, organization, anonymous source or pronoun.
pub mod speakers;
/// The subject phrase before a cue.
pub mod subject;
/// Char-indexed view of the text with token boundaries.
pub mod text;
/// Interview turns (名字：答话), in paragraphs or in one line.
pub mod turns;

use super::chars::{pos, tok, Chars, TokFacts};
use super::lexicon::FxHasher;
use super::model::{Entity, EntityKind, Quote, QuoteKind, Speaker, SpeakerKind, Statement, StatementKind};
use super::segment::Token;
use super::span::Span;
use cues::Cue;
use registry::Registry;
use speakers::Subject;
use text::{is_close_quote, is_comma_or_colon, is_open_quote, is_para, is_sentence_end, Text};

/// A hash map keyed by char indices (FxHash: SipHash cost more than the lookups).
type FxMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// A quotation in char indices.
struct Q {
    /// The opening mark.
    open: usize,
    /// The words inside.
    inner: (usize, usize),
    /// One past the closing mark (or the inner end when unclosed).
    end: usize,
    /// Classified as speech.
    speech: bool,
}

/// A statement before ids are assigned (char indices).
struct Raw {
    speakers: Vec<usize>,
    kind: StatementKind,
    cue: Option<(usize, usize)>,
    span: (usize, usize),
}

/// Finds statements and the speakers they are attributed to.
pub fn find(text: &str, tokens: &[Token], entities: &[Entity], quotes: &[Quote]) -> (Vec<Speaker>, Vec<Statement>) {
    find_in(&Chars::new(text, tokens), tokens, entities, quotes)
}

/// [`find`] over the text's shared char view (built from the same tokens).
pub fn find_in(chars: &Chars, tokens: &[Token], entities: &[Entity], quotes: &[Quote]) -> (Vec<Speaker>, Vec<Statement>) {
    let lex = lexicon::get();
    let mut t = Text::over(chars);
    let n = t.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    for e in entities.iter().filter(|e| e.kind == EntityKind::Organization) {
        let (a, z) = (t.char_of(e.span.start), t.char_of(e.span.end).min(n));
        t.org[a.min(z)..z].iter_mut().for_each(|m| *m = true);
    }
    let mut person = vec![false; n];
    // jieba's name tokens of two chars or more, read from the per-token
    // facts of the char view (built from these tokens, one fact per token):
    // NR_ANY is a tag starting with nr, MULTI two chars or more. Not inside
    // an organization the entity pass found (塔斯社/nr), nor a listed place
    // (哈萨克斯坦/nrt), a common word jieba's dictionary tags nr (白皮书,
    // 宣言) or a country and a title glued into one (德国总理/nr): those
    // speak as bodies or are no names.
    let is_name_token = |f: &TokFacts| f.pos & pos::NR_ANY != 0 && f.bits & tok::MULTI != 0;
    // (Gathered once: the two loops below read them, and the pass over
    // every token's facts cost more than the loops' own work.)
    let name_tokens: Vec<&Token> = tokens.iter().zip(&chars.facts).filter(|(_, f)| is_name_token(f)).map(|(x, _)| x).collect();
    let entity_lex = crate::engine::lexicon::Lexicon::get();
    for &x in &name_tokens {
        let (a, z) = token_chars(&t, x);
        if entity_lex.never_a_person(x.word) || lex.title_suffix(x.word).is_some() || (a < z && t.org[a..z].iter().all(|&o| o)) {
            continue;
        }
        person[a.min(z)..z].iter_mut().for_each(|m| *m = true);
    }
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        mark(&t, &mut person, e.span);
        let (a, z) = (t.char_of(e.span.start), t.char_of(e.span.end).min(n));
        t.person_entity[a.min(z)..z].iter_mut().for_each(|m| *m = true);
    }
    // The short form of a joined foreign name (米尔萨普 of 保罗-米尔萨普) is no
    // entity of its own but still a name a pronoun can stand for.
    let short_forms: Vec<(usize, usize)> = name_tokens
        .iter()
        .filter(|x| t.follows_separator(x.word))
        .map(|x| token_chars(&t, x))
        .collect();
    for (a, z) in short_forms {
        t.person_entity[a.min(z)..z].iter_mut().for_each(|m| *m = true);
    }
    t.body_start = dateline::start(&t);
    let t = t;
    // Organizations by their first char, for subjects left out after a comma.
    // (Sized for every entity first: collected through a filter, the map
    // was grown and rehashed insert by insert.)
    let mut org_at: FxMap<usize, usize> = FxMap::with_capacity_and_hasher(entities.len(), Default::default());
    org_at.extend(entities.iter().filter(|e| e.kind == EntityKind::Organization).map(|e| (t.char_of(e.span.start), t.char_of(e.span.end))));
    let qs: Vec<Q> = quotes
        .iter()
        .map(|q| Q {
            open: t.char_of(q.outer.start),
            inner: (t.char_of(q.span.start), t.char_of(q.span.end)),
            end: t.char_of(q.outer.end),
            speech: q.kind == QuoteKind::Speech,
        })
        .collect();
    let mut masked = vec![false; n + 1];
    for q in &qs {
        masked[q.open..q.end.min(n)].iter_mut().for_each(|m| *m = true);
    }
    let cues = cues::find(&t, lex, &masked);
    // jieba glues cues onto names (章林晓说): the cue is not part of the name.
    for c in &cues {
        person[c.start..c.end].iter_mut().for_each(|m| *m = false);
    }
    // Each cue's subject phrase and what it names, analysed once: the loop
    // below resolves it, and the extent rules end a statement before another
    // source's clause (subject_at). Only a short subject and a cue that is
    // plainly speech count there (建议/提出 are often nouns).
    let subjects: Vec<Option<((usize, usize), Option<Subject>)>> =
        cues.iter().map(|c| subject::subject(&t, c.start).map(|(a, z)| ((a, z), speakers::analyse(&t, lex, &person, a, z)))).collect();
    let subject_at: Vec<Option<usize>> = cues
        .iter()
        .zip(&subjects)
        .map(|(c, sub)| {
            let ((a, z), found) = sub.as_ref()?;
            let plain = t.c.get(c.end).is_some_and(|&x| is_comma_or_colon(x))
                || !matches!(t.sub(c.verb, c.end), "建议" | "提出" | "呼吁" | "主张" | "预计" | "预测" | "看来" | "要求");
            if z - a > 20 || !plain {
                return None;
            }
            match found.as_ref()? {
                Subject::Named(found) if found.is_empty() => None,
                _ => Some(*a),
            }
        })
        .collect();
    let stops = stops::Stops::new(&t, &masked, qs.iter().filter(|q| q.speech).map(|q| q.open));
    let mut reg = Registry::default();
    let mut quote_by: Vec<Option<(Vec<usize>, Option<Cue>)>> = vec![None; qs.len()];
    let mut cue_ids: Vec<Vec<usize>> = vec![Vec::new(); cues.len()];
    let mut raws = Vec::new();
    // The indirect statements recorded in the cue loop below (the only raws
    // it adds), for its nested-source test.
    let mut covered = covering::Covering::default();
    // Quotations by the char index of their opening mark and of their end.
    let by_open: FxMap<usize, usize> = qs.iter().enumerate().map(|(k, q)| (q.open, k)).collect();
    let mut by_end: FxMap<usize, usize> = FxMap::with_capacity_and_hasher(qs.len(), Default::default());
    by_end.extend(qs.iter().enumerate().filter(|(_, q)| q.speech).map(|(k, q)| (q.end, k)));
    let quote_at = |i: usize| by_open.get(&i).copied();
    let speech_at = |i: usize| quote_at(i).is_some_and(|k| qs[k].speech);

    // Cues that only restate the one before them (作出重要指示，指出…): the
    // statement is the earlier cue's, its words start after this one.
    let mut restated = vec![false; cues.len()];
    for (ci, cue) in cues.iter().enumerate() {
        if restated[ci] {
            continue;
        }
        // Reports and data (数据显示) are optional sources: they only bound statements.
        if cue.is_report(&t) {
            continue;
        }
        let np = subjects[ci].as_ref().map(|(span, _)| *span);
        // 据X报道 / 据X援引Y报道: the outlets, named or not in any lexicon.
        let outlet = np.filter(|&(a, _)| a > 0 && t.c[a - 1] == '据').or_else(|| quoted_outlet(&t, cue.start));
        let reported = outlet.filter(|_| is_media_cue(&t, cue)).and_then(|(a, z)| {
            let found = speakers::reported_by(&t, lex, &person, a, z)?;
            Some((a, z, found.iter().map(|f| reg.add(f)).collect::<Vec<usize>>()))
        });
        // 报道还称 / 该报道说 (and 报道称 with nothing before it): the outlet of
        // the last 据X报道 before.
        // (报道 alone only before its comma: 报道|说 is the noun then the cue.)
        let comma_after = t.c.get(cue.end).is_some_and(|&c| is_comma_or_colon(c));
        let report_word = match np {
            Some((a, z)) => speakers::document_word(t.sub(a, z)) == "报道",
            None => t.sub(cue.verb, cue.end).starts_with("报道") && comma_after,
        };
        let reported = reported.or_else(|| {
            let ids = report_word.then(|| last_outlet(&t, &cues[..ci], &cue_ids, cue.start)).flatten()?;
            let (a, z) = np.unwrap_or((cue.start, cue.start));
            if z > a {
                ids.iter().for_each(|&i| reg.mention(i, (a, z)));
            }
            Some((a, z, ids))
        });
        let is_report = reported.is_some();
        let mut found = reported
            .or_else(|| {
                let ((a, z), analysed) = subjects[ci].clone()?;
                Some((a, z, resolve_subject(&t, lex, &mut reg, &person, a, z, analysed)))
            })
            .filter(|x| !x.2.is_empty());
        // Only a bare connective or adverb before the cue means the subject was left out.
        let bare = np.is_none_or(|(a, z)| z - a <= 2 && (a..z).all(|i| !t.tag(i).starts_with('n')));
        if found.is_none() && bare {
            // 他戴着口罩，透露…: the subject of an earlier clause of the sentence.
            found = elided_subject(&t, &person, &org_at, cue.start).map(|(a, z)| (a, z, resolve(&t, lex, &mut reg, &person, a, z)));
        }
        let Some((a, _, ids)) = found.filter(|x| !x.2.is_empty()) else { continue };
        cue_ids[ci] = ids.clone();
        // “…”X说: the quotation right before the subject (and one adjacent before it).
        let mut q = a;
        while q > 0 && t.c[q - 1].is_whitespace() && !is_para(t.c[q - 1]) {
            q -= 1;
        }
        let quoted_before = q > 0 && is_close_quote(t.c[q - 1]) && by_end.contains_key(&q);
        if quoted_before {
            if let Some(&k) = by_end.get(&q) {
                // (Not a quotation a colon introduced, when this cue has words
                // of its own: 某报…嗅出一个信息：“…”某社评论说，…)
                let introduced = qs[k].open > 0 && matches!(t.c[qs[k].open - 1], '：' | ':');
                let own_words = t.c.get(cue.end).is_some_and(|&c| matches!(c, '，' | ','));
                let other = introduced && own_words && {
                    let by = colon_speakers(&t, lex, &mut reg, &person, &org_at, &cues, qs[k].open - 1);
                    !by.is_empty() && by != ids
                };
                if quote_by[k].is_none() && !other {
                    quote_by[k] = Some((ids.clone(), Some(*cue)));
                    if let Some(&j) = by_end.get(&qs[k].open) {
                        if quote_by[j].is_none() {
                            quote_by[j] = Some((ids.clone(), Some(*cue)));
                        }
                    }
                }
            }
        }
        let mut from = clauses::content_start(&t, cue);
        if let Some(next) = cues.get(ci + 1).filter(|n| n.start == from && from > cue.end) {
            restated[ci + 1] = true;
            from = clauses::content_start(&t, next);
        }
        if !cue_fits(&t, &reg, cue, a, &ids) {
            continue;
        }
        // X说：⏎“…”: the quotation opening the next paragraph.
        if from < n && is_para(t.c[from]) && from > cue.end && matches!(t.c[from - 1], '：' | ':') {
            let mut j = from;
            while j < n && t.c[j].is_whitespace() {
                j += 1;
            }
            if let Some(k) = quote_at(j).filter(|&k| qs[k].speech && quote_by[k].is_none()) {
                quote_by[k] = Some((ids.clone(), Some(*cue)));
            }
            continue;
        }
        if from >= n || is_para(t.c[from]) || is_sentence_end(t.c[from]) {
            continue;
        }
        if is_open_quote(t.c[from]) {
            if let Some(k) = quote_at(from) {
                let after = t.c.get(qs[k].end).copied().unwrap_or('\n');
                if qs[k].speech || is_para(after) || is_sentence_end(after) || matches!(after, '，' | ',' | '；') {
                    if quote_by[k].is_none() {
                        quote_by[k] = Some((ids.clone(), Some(*cue)));
                    }
                    continue;
                }
            }
        }
        // “…”某某说，但他…: after the words quoted before the cue, a clause
        // opened by a contrast is the reporter's narration.
        if quoted_before && ["但", "可", "却", "然而", "不过"].iter().any(|w| t.at(from, w)) {
            continue;
        }
        let by_person = ids.iter().any(|&i| reg.entries[i].kind == SpeakerKind::Person);
        let scope = clauses::Scope { stops: &stops, person: &person, cues: &cues, subject_at: &subject_at };
        let mut ext = clauses::indirect(&t, lex, &scope, from, by_person, &speech_at);
        // A source quoted inside another's words (A表示，B共同宣布C。D。) said
        // C only: the sentences after it are still A's.
        let nested = covered
            .covers(cue.start)
            .unwrap_or_else(|| raws.iter().any(|r: &Raw| r.kind == StatementKind::Indirect && r.span.0 <= cue.start && cue.start < r.span.1));
        // 据X报道，…: the outlet reports one sentence, nested sources and all
        // (近日，A宣布B，C宣布D。); what follows is the reporter's.
        // 报道援引某某的话称，…: the cited words are one sentence too.
        let cited = np.is_some_and(|(a, z)| t.at(z, "的话") && speakers::CITING.iter().any(|v| t.ends_at(a, v)));
        if is_report || cited {
            ext.end = clauses::trim_end(&t, from, stops.sentence_end(from).0);
        }
        if nested {
            ext.end = ext.end.min(clauses::trim_end(&t, from, stops.sentence_end(from).0));
        }
        if ext.end > from {
            raws.push(Raw { speakers: ids.clone(), kind: StatementKind::Indirect, cue: Some((cue.start, cue.end)), span: (from, ext.end) });
            covered.add(from, ext.end);
        }
        if let Some(k) = ext.quote_at.and_then(quote_at) {
            if quote_by[k].is_none() {
                quote_by[k] = Some((ids, Some(*cue)));
            }
        }
    }

    for (k, q) in qs.iter().enumerate() {
        if quote_by[k].is_some() || !q.speech || q.open == 0 || !matches!(t.c[q.open - 1], '：' | ':') {
            continue;
        }
        let ids = colon_speakers(&t, lex, &mut reg, &person, &org_at, &cues, q.open - 1);
        if !ids.is_empty() {
            quote_by[k] = Some((ids, None));
        }
    }
    // A quotation after a comma, in a sentence about a person with no cue
    // (某某摇摇头，并没有责怪球员，“…”): that person's words, by context.
    for (k, q) in qs.iter().enumerate() {
        if quote_by[k].is_some() || !q.speech || q.open == 0 || !matches!(t.c[q.open - 1], '，' | ',') {
            continue;
        }
        // The clauses before it, nearest first, up to the sentence's start:
        // the first whose subject phrase names a source.
        let mut end = q.open - 1;
        for _ in 0..3 {
            let cs = subject::clause_start(&t, end);
            // Its first word (马立嗓门很大), else its subject phrase up to
            // the predicate (东湖队主帅某某摇了摇头: the person, not the team).
            let phrase = subject_before_predicate(&t, &person, cs, end);
            let first = clause_subject(&t, &person, &org_at, cs, end);
            let mut named = false;
            for (a, z) in first.into_iter().chain(phrase.flatten()) {
                let (any, people) = people_named(&t, lex, &mut reg, &person, a, z);
                named |= any;
                if people.is_some() {
                    quote_by[k] = people.map(|ids| (ids, None));
                    break;
                }
            }
            if named || cs == 0 || !matches!(t.c[cs - 1], '，' | ',') {
                break;
            }
            end = cs - 1;
        }
        // (Else the person a cue's elided subject would be.)
        if quote_by[k].is_none() {
            if let Some((a, z)) = elided_subject(&t, &person, &org_at, q.open).filter(|&(_, z)| t.c.get(z) != Some(&'的')) {
                quote_by[k] = people_named(&t, lex, &mut reg, &person, a, z).1.map(|ids| (ids, None));
            }
        }
    }
    // A quotation opening a sentence whose cue names the speaker
    // (“…”就在…上，张国伟表示，…).
    // `named_from[i]`: the first cue at or after cue i that named a speaker
    // (cues are in text order, so the first one is also the earliest).
    let mut named_from = vec![cues.len(); cues.len() + 1];
    for ci in (0..cues.len()).rev() {
        named_from[ci] = if cue_ids[ci].is_empty() { named_from[ci + 1] } else { ci };
    }
    for (k, q) in qs.iter().enumerate() {
        if quote_by[k].is_some() || !q.speech || !starts_sentence(&t, q.open) {
            continue;
        }
        let (stop, _) = stops.sentence_end(q.end);
        let first = cues.partition_point(|c| c.start < q.end);
        let ci = named_from[first];
        if let Some(c) = cues.get(ci).filter(|c| c.start < stop) {
            quote_by[k] = Some((cue_ids[ci].clone(), Some(*c)));
        }
    }
    // A quotation right after a source's words in the same paragraph goes on
    // with them (X表示，A。“B。”), attributed by context.
    let mut ends: FxMap<usize, Vec<usize>> = raws.iter().map(|r| (after_punct(&t, r.span.1), r.speakers.clone())).collect();
    // “…”某某解释说。“…”: a quotation standing alone right after the
    // sentence of a cue that followed a quotation goes on with it. (Not in a
    // dialogue: after a question, or when words follow it, 某某讪讪走开.)
    let mut after_cue: FxMap<usize, Vec<usize>> = FxMap::default();
    for (k, q) in qs.iter().enumerate() {
        if let Some((ids, cue)) = &quote_by[k] {
            ends.insert(q.end, ids.clone());
            let asked = q.inner.1 > q.inner.0 && t.c[q.inner.1 - 1] == '？';
            if let Some(c) = cue.filter(|c| c.start >= q.end && !asked && !t.sub(c.start, c.end).contains('问')) {
                if t.c.get(c.end).is_some_and(|&x| matches!(x, '。' | '！')) {
                    after_cue.insert(c.end + 1, ids.clone());
                }
            }
            continue;
        }
        if !q.speech || !starts_sentence(&t, q.open) {
            continue;
        }
        let mut j = q.open;
        while j > 0 && matches!(t.c[j - 1], ' ' | '\u{3000}' | '\t') {
            j -= 1;
        }
        let alone = t.c.get(q.end).is_none_or(|&c| is_para(c) || is_sentence_end(c) || is_open_quote(c));
        if let Some(ids) = ends.get(&j).or_else(|| after_cue.get(&j).filter(|_| alone)).cloned() {
            ends.insert(q.end, ids.clone());
            quote_by[k] = Some((ids, None));
        }
    }
    let scope = clauses::Scope { stops: &stops, person: &person, cues: &cues, subject_at: &subject_at };
    for ans in turns::answers(&t, lex, &mut reg, &person, &scope) {
        raws.push(Raw { speakers: vec![ans.speaker], kind: StatementKind::Direct, cue: None, span: ans.body });
    }
    for (k, q) in qs.iter().enumerate() {
        if let Some((ids, cue)) = &quote_by[k] {
            if q.inner.1 > q.inner.0 {
                raws.push(Raw { speakers: ids.clone(), kind: StatementKind::Direct, cue: cue.map(|c| (c.start, c.end)), span: q.inner });
            }
        }
    }
    assemble(&t, lex, reg, raws)
}

/// Marks the chars of byte span `s` in `mask`.
/// The chars token `x` covers, as `(t.char_of(start), t.char_of(end).min(n))`
/// of its span: read from the token's own char position when the offsets
/// there agree with its span (jieba's tokens always), instead of two
/// binary searches over the offsets.
fn token_chars(t: &Text, x: &Token) -> (usize, usize) {
    let (a, z) = (x.at, x.at + x.chars);
    if t.b.get(a) == Some(&x.span.start) && t.b.get(z) == Some(&x.span.end) {
        (a, z.min(t.len()))
    } else {
        (t.char_of(x.span.start), t.char_of(x.span.end).min(t.len()))
    }
}

fn mark(t: &Text, mask: &mut [bool], s: Span) {
    let (a, z) = (t.char_of(s.start), t.char_of(s.end).min(mask.len()));
    mask[a.min(z)..z].iter_mut().for_each(|m| *m = true);
}

/// Cues that are often not speech (铁路预计发送旅客…, 小姑娘看来还好奇):
/// 预计/预测 need punctuation after them; 建议/提出/呼吁 without it need a
/// person or an anonymous source; 看来 needs 在X看来 and a comma after it.
fn cue_fits(t: &Text, reg: &Registry, cue: &Cue, subject_start: usize, ids: &[usize]) -> bool {
    let verb = t.sub(cue.verb, cue.end);
    let punct_after = t.c.get(cue.end).is_some_and(|&c| is_comma_or_colon(c));
    if verb == "看来" {
        let cs = subject::clause_start(t, subject_start.max(1) - 1).min(subject_start);
        return punct_after && (t.sub(cs, subject_start).trim().ends_with('在') || t.at(subject_start.saturating_sub(1), "在"));
    }
    // A forecast verb without a comma is mostly narration (铁路预计发送旅客…).
    if matches!(verb, "预计" | "预测") && !punct_after {
        // …unless the source is introduced with a role (分析师王晓明预计) or is anonymous.
        return ids.iter().all(|&i| {
            let e = &reg.entries[i];
            e.kind == SpeakerKind::Anonymous || (e.kind == SpeakerKind::Person && !e.roles.is_empty())
        });
    }
    // 提出全球治理倡议 / 提出四点建议: a proposal named as the object, not its content.
    if verb == "提出" && !punct_after {
        let mut e = cue.end;
        while e < t.len() && e < cue.end + 24 && !text::is_clause_punct(t.c[e]) && !is_sentence_end(t.c[e]) && !is_para(t.c[e]) {
            e += 1;
        }
        // (…提出五点倡议：一是…: the colon opens what was proposed.)
        let colon = t.c.get(e).is_some_and(|&c| matches!(c, '：' | ':'));
        if PROPOSALS.iter().any(|w| t.ends_at(e, w)) && !colon {
            return false;
        }
    }
    if matches!(verb, "建议" | "提出" | "呼吁" | "主张") && !punct_after {
        return ids.iter().all(|&i| reg.entries[i].kind != SpeakerKind::Organization);
    }
    true
}

/// Nouns naming a proposal or a request (提出…倡议/建议/要求): the object of
/// 提出, not reported words.
const PROPOSALS: &[&str] = &[
    "倡议", "建议", "意见", "要求", "方案", "问题", "目标", "理念", "主张", "观点", "看法", "思路", "举措", "措施", "申请",
    "质疑", "批评", "警告", "忠告", "计划", "设想", "口号", "构想", "议案", "提案", "动议", "诉求", "战略", "概念", "抗议", "申诉",
];

/// The subject of an earlier clause in the same sentence, when the cue's own
/// clause has none: the clause's first word, if a pronoun or a person's name.
fn elided_subject(t: &Text, person: &[bool], org_at: &FxMap<usize, usize>, cue: usize) -> Option<(usize, usize)> {
    let mut cs = subject::clause_start(t, cue);
    for _ in 0..3 {
        if cs == 0 || !matches!(t.c[cs - 1], '，' | ',') {
            return None;
        }
        let end = cs - 1;
        let start = subject::clause_start(t, end);
        if let Some(found) = clause_subject(t, person, org_at, start, end) {
            return Some(found);
        }
        cs = start;
    }
    None
}

/// The subject opening the clause `start..end`: a pronoun, a name, an
/// organization, or a person heading its subject phrase.
fn clause_subject(t: &Text, person: &[bool], org_at: &FxMap<usize, usize>, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut a = start;
    // (A paper's title mark is no part of its name: 《某某日报》.)
    while a < end && (t.c[a].is_whitespace() || t.c[a] == '《') {
        a += 1;
    }
    if a >= end {
        return None;
    }
    let mut z = a + 1;
    while z < end && !t.boundary[z] {
        z += 1;
    }
    let w = t.sub(a, z);
    if matches!(w, "他" | "她" | "其") || (z - a >= 2 && (a..z).all(|i| person[i])) {
        return Some((a, z));
    }
    // An organization opening the clause (以色列国防军今天投掷传单，称…).
    if let Some(&oz) = org_at.get(&a) {
        return Some((a, oz));
    }
    // A person heading the clause's subject phrase (韩国总统X3日晚在…发布戒严令，表示…).
    let (sa, sz) = subject::trim(t, start, end)?;
    let from = (sa..sz).rev().find(|&i| t.c[i] == '的').map_or(sa, |d| d + 1);
    // (Only before the phrase's first verb or preposition: after it a
    // name is an object, 会议通过多哈宣言/nr.)
    coref::first_name_run(person, from, sz).filter(|r| (from..r.0).all(|i| !matches!(t.tag(i).chars().next(), Some('v' | 'p'))))
}

/// Whether `a..z` names any source, and the speakers it names when all of
/// them are people (a quotation attributed by context is a person's).
fn people_named(t: &Text, lex: &lexicon::Lexicon, reg: &mut Registry, person: &[bool], a: usize, z: usize) -> (bool, Option<Vec<usize>>) {
    let ids = resolve(t, lex, reg, person, a, z);
    let any = !ids.is_empty();
    (any, (any && ids.iter().all(|&i| reg.entries[i].kind == SpeakerKind::Person)).then_some(ids))
}

/// The speakers [`colon_subject`] names: people and unnamed sources, and
/// organizations only where the entity pass found one
/// (甚至有点没回过神来：“…” names no body).
fn colon_speakers(t: &Text, lex: &lexicon::Lexicon, reg: &mut Registry, person: &[bool], org_at: &FxMap<usize, usize>, cues: &[Cue], colon: usize) -> Vec<usize> {
    let Some((a, z)) = colon_subject(t, person, org_at, cues, colon) else { return Vec::new() };
    let ids = resolve(t, lex, reg, person, a, z);
    let known_org = t.org[a..z].iter().any(|&o| o);
    let fits = |i: &usize| {
        let e = &reg.entries[*i];
        e.kind != SpeakerKind::Organization || known_org
    };
    if ids.iter().all(fits) {
        ids
    } else {
        Vec::new()
    }
}

/// The speaker of a quotation a colon introduces when its clause has no cue
/// (桑帅仍将给他机会：“…”, 两家报纸…嗅出一个信息：“…”): the subject phrase
/// of that clause, up to its predicate, or the subject of an earlier clause
/// of the sentence when it has none. A clause with no predicate names no one.
/// (Not a modifier: 某某饰演的角色造型…：“…” names no speaker.)
fn colon_subject(t: &Text, person: &[bool], org_at: &FxMap<usize, usize>, cues: &[Cue], colon: usize) -> Option<(usize, usize)> {
    let cs = subject::clause_start(t, colon);
    let first = cues.partition_point(|c| c.start < cs);
    if cues.get(first).is_some_and(|c| c.start < colon) {
        return None;
    }
    match subject_before_predicate(t, person, cs, colon) {
        Some(found) => return found,
        // (Or of the clause before, up to its predicate: 两家报纸均从…中，敏锐地…：“…”.)
        None if cs > 0 && matches!(t.c[cs - 1], '，' | ',') => {
            if let Some(Some(found)) = subject_before_predicate(t, person, subject::clause_start(t, cs - 1), cs - 1) {
                return Some(found);
            }
        }
        None => {}
    }
    let (a, z) = elided_subject(t, person, org_at, colon)?;
    (t.c.get(z) != Some(&'的')).then_some((a, z))
}

/// The subject phrase of the clause `cs..end` up to its predicate (the first
/// verb, preposition, adverb or pronoun outside a name): `Some(Some(span))`;
/// `Some(None)` when a 的 follows it (a modifier: 某某饰演的角色…) or the
/// clause has no predicate (a bare name before a colon is an interview turn
/// or a heading, 外媒评论：, the turns' rule); `None` when nothing stands
/// before the predicate (the subject is elided). Only the leading words are trimmed: the trailing strips
/// would cut the predicate away (但桑帅仍将给他机会 → 桑帅).
fn subject_before_predicate(t: &Text, person: &[bool], cs: usize, end: usize) -> Option<Option<(usize, usize)>> {
    let (sa, _) = subject::trim(t, cs, end)?;
    // (The word after an adverbial 地 is a verb whatever jieba tagged it: 敏锐地|嗅出/x.)
    let verbal = |i: usize| matches!(t.tag(i).chars().next(), Some('v' | 'p' | 'd' | 'r')) || t.c[i - 1] == '地' && t.tag(i - 1) == "uv";
    let Some(predicate) = (sa + 1..end).find(|&i| t.boundary[i] && !person[i] && !t.org[i] && verbal(i)) else {
        return Some(None);
    };
    // (One adverbial word of manner before the predicate is no subject: 敏锐地嗅出….)
    if predicate >= sa + 2 && t.c[predicate - 1] == '地' && t.tok_start(predicate - 2) == sa && matches!(t.tag(sa), "a" | "ad" | "d" | "z" | "i" | "l") {
        return None;
    }
    let (a, z) = subject::trim(t, sa, predicate)?;
    Some((!t.c[z..end].contains(&'的')).then_some((a, z)))
}

/// The speakers who published the text `word` named at `at` (see
/// [`issuer_before`]), with `at` recorded as their mention; none when the
/// text does not say who published it.
fn published_by(t: &Text, lex: &lexicon::Lexicon, reg: &mut Registry, person: &[bool], at: (usize, usize), word: &str) -> Vec<usize> {
    let Some((ia, iz)) = issuer_before(t, at.0, word) else { return Vec::new() };
    let ids = resolve(t, lex, reg, person, ia, iz);
    ids.iter().for_each(|&i| reg.mention(i, at));
    ids
}

/// How far back (chars) the sentence that tells of a document's publication may be.
const ISSUER_REACH: usize = 160;

/// Who published `word` before char `p`, as the sentence that tells of it
/// says, in this paragraph or the one before: a person named between the
/// publishing verb and the text (《求是》杂志发表某某的重要文章 → 某某), else
/// the first organization of that sentence (国新办今天举行发布会，发布…白皮书;
/// 明天出版的人民日报将发表…文章), else the verb's subject phrase.
fn issuer_before(t: &Text, p: usize, word: &str) -> Option<(usize, usize)> {
    const PUBLISH: &[&str] = &["发表", "发布", "公布", "刊发", "刊登", "发出", "播发"];
    let lo = p.saturating_sub(ISSUER_REACH);
    let mut i = p;
    let mut paras = 0;
    while i > lo {
        i -= 1;
        if is_para(t.c[i]) {
            paras += 1;
            if paras > 1 {
                return None;
            }
        }
        if !(t.boundary[i] && PUBLISH.iter().any(|v| t.at(i, v))) || word.is_empty() {
            continue;
        }
        let after = t.sub(i + 2, (i + 40).min(p));
        let Some(clause) = after.split(['。', '，', '；']).next().filter(|c| c.contains(word)) else { continue };
        let w = i + 2 + clause[..clause.find(word).unwrap_or(0)].chars().count();
        if let Some(run) = coref::first_name_run(&t.person_entity, i + 2, w) {
            return Some(run);
        }
        // (From the sentence start, or a colon: not the dateline's outlet, 央视网消息：.)
        let s0 = (0..i).rev().find(|&k| is_para(t.c[k]) || is_sentence_end(t.c[k]) || matches!(t.c[k], '：' | ':')).map_or(0, |k| k + 1);
        if let Some(k) = (s0..i).find(|&k| t.org[k] && (k == s0 || !t.org[k - 1])) {
            let e = (k..i).find(|&e| !t.org[e]).unwrap_or(i);
            return Some((k, e));
        }
        return subject::subject(t, i);
    }
    None
}

/// The char index after the sentence punctuation and closing marks that
/// follow a statement ending at `end`.
fn after_punct(t: &Text, mut end: usize) -> usize {
    while end < t.len() && (is_sentence_end(t.c[end]) || is_close_quote(t.c[end]) || matches!(t.c[end], '…')) {
        end += 1;
    }
    end
}

/// True when char `i` begins a sentence (after 。！？, a paragraph break,
/// spaces, or at the text start).
fn starts_sentence(t: &Text, i: usize) -> bool {
    let mut j = i;
    while j > 0 && matches!(t.c[j - 1], ' ' | '\u{3000}' | '\t') {
        j -= 1;
    }
    j == 0 || t.breaks_before(j) || is_para(t.c[j - 1]) || is_sentence_end(t.c[j - 1]) || is_close_quote(t.c[j - 1]) || j < i
}

/// The registry entries that the subject phrase `a..z` names.
fn resolve(t: &Text, lex: &lexicon::Lexicon, reg: &mut Registry, person: &[bool], a: usize, z: usize) -> Vec<usize> {
    resolve_subject(t, lex, reg, person, a, z, speakers::analyse(t, lex, person, a, z))
}

/// [`resolve`] for a subject phrase already analysed.
fn resolve_subject(
    t: &Text,
    lex: &lexicon::Lexicon,
    reg: &mut Registry,
    person: &[bool],
    a: usize,
    z: usize,
    analysed: Option<Subject>,
) -> Vec<usize> {
    match analysed {
        Some(Subject::Named(found)) => {
            let found: Vec<_> = found.into_iter().filter(|f| !is_reporter(&f.name)).collect();
            found.iter().map(|f| reg.add(f)).collect()
        }
        Some(Subject::Pronoun) => {
            // 新华社发表评论文章。文章指出…: an authored text speaks for the one
            // the text says published it, else for the speaker it refers back to.
            if speakers::is_authored(t.sub(a, z)) {
                let ids = published_by(t, lex, reg, person, (a, z), t.sub(a, z));
                if !ids.is_empty() {
                    return ids;
                }
            }
            coref::pronoun(t, reg, person, a)
                .map(|i| {
                    reg.mention(i, (a, z));
                    vec![i]
                })
                .unwrap_or_default()
        }
        // 国新办发表白皮书。白皮书指出…: the one the text says published it,
        // else the speaker named last before it.
        Some(Subject::Document) => {
            let ids = published_by(t, lex, reg, person, (a, z), speakers::document_word(t.sub(a, z)));
            if !ids.is_empty() {
                return ids;
            }
            match coref::document(t, reg, a) {
                Some(i) => {
                    reg.mention(i, (a, z));
                    vec![i]
                }
                None => resolve_subject(t, lex, reg, person, a, z, speakers::document_itself(t, lex, person, a, z)),
            }
        }
        Some(Subject::Anaphor(desc)) => {
            if let Some(i) = coref::anaphor(t, reg, person, &desc, a) {
                reg.mention(i, (a, z));
                return vec![i];
            }
            let d = z - desc.chars().count();
            if t.at(a, "这") || t.at(a, "那") {
                // 这位业主刘先生: a named person in the description wins.
                if let Some(Subject::Named(found)) = speakers::analyse(t, lex, person, z - desc.chars().count(), z) {
                    if found.iter().all(|f| f.kind == SpeakerKind::Person) {
                        return found.iter().map(|f| reg.add(f)).collect();
                    }
                }
                let i = coref::pronoun(t, reg, person, a);
                // 这位身材不高的爵士中锋: the description is the person's role.
                if let (Some(i), Some(_)) = (i, lex.title_suffix(&desc)) {
                    let role = desc.rsplit('的').next().unwrap_or(&desc).to_string();
                    reg.add_role(i, role);
                    reg.mention(i, (a, z));
                }
                return i.into_iter().collect();
            }
            match speakers::analyse(t, lex, person, d, z) {
                Some(Subject::Named(found)) => found.iter().map(|f| reg.add(f)).collect(),
                _ => Vec::new(),
            }
        }
        None => Vec::new(),
    }
}

/// 据台湾“某某新闻网”报道: the outlet in quotation marks right before the cue
/// at `cue`, when 据 (and maybe a place) opens the clause before the mark.
fn quoted_outlet(t: &Text, cue: usize) -> Option<(usize, usize)> {
    if cue < 3 || !is_close_quote(t.c[cue - 1]) {
        return None;
    }
    let open = (cue.saturating_sub(16)..cue - 1).rev().find(|&i| is_open_quote(t.c[i]))?;
    let before = subject::clause_start(t, open);
    let lead = t.sub(before, open);
    (lead.starts_with('据') && lead.chars().count() <= 6 && open + 1 < cue - 1).then_some((open + 1, cue - 1))
}

/// How far back (chars) 报道还称 looks for its outlet.
const OUTLET_REACH: usize = 400;

/// The sources of the last outlet cue (据X报道) among `before`, ending
/// within [`OUTLET_REACH`] of `p`.
fn last_outlet(t: &Text, before: &[Cue], ids: &[Vec<usize>], p: usize) -> Option<Vec<usize>> {
    before
        .iter()
        .zip(ids)
        .rev()
        .take_while(|(c, _)| c.end + OUTLET_REACH >= p)
        .find(|(c, ids)| !ids.is_empty() && is_media_cue(t, c))
        .map(|(_, ids)| ids.clone())
}

/// Cues an outlet reports with (据X报道, 据X消息).
fn is_media_cue(t: &Text, cue: &Cue) -> bool {
    matches!(t.sub(cue.verb, cue.end), "报道" | "报导" | "消息" | "报道称" | "报道说" | "报导称" | "披露")
}

/// The byline reporter and the paper itself are not sources.
fn is_reporter(name: &str) -> bool {
    matches!(name, "记者" | "本报" | "笔者" | "本报记者" | "小编" | "编者" | "本台")
}

/// Orders speakers by first mention, drops those without statements, fills
/// roles, converts to byte offsets.
fn assemble(t: &Text, lex: &lexicon::Lexicon, mut reg: Registry, mut raws: Vec<Raw>) -> (Vec<Speaker>, Vec<Statement>) {
    raws.sort_by_key(|r| (r.span.0, r.span.1));
    raws.dedup_by(|b, a| a.span == b.span);
    let mut used = vec![false; reg.entries.len()];
    for &i in raws.iter().flat_map(|r| &r.speakers) {
        used[i] = true;
    }
    let mut order: Vec<usize> = (0..reg.entries.len()).filter(|&i| used[i]).collect();
    order.sort_by_key(|&i| reg.entries[i].mentions.iter().map(|m| m.0).min().unwrap_or(usize::MAX));
    let mut new_id = vec![usize::MAX; reg.entries.len()];
    for (k, &i) in order.iter().enumerate() {
        new_id[i] = k;
    }
    let byte = |c: usize| t.b[c.min(t.len())];
    let span = |(a, z): (usize, usize)| Span::new(byte(a), byte(z));
    let mut speakers = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        let e = &mut reg.entries[i];
        if e.kind == SpeakerKind::Person {
            roles::complete(t, lex, e);
        }
        let primary = roles::primary(lex, &e.roles);
        let title = primary.and_then(|r| roles::title_of(lex, r));
        let affiliation = primary.and_then(|r| roles::affiliation_of(lex, r));
        let mut mentions: Vec<Span> = e.mentions.iter().map(|&m| span(m)).collect();
        mentions.sort();
        speakers.push(Speaker {
            id: k,
            name: e.name.clone(),
            kind: e.kind,
            roles: e.roles.clone(),
            title,
            affiliation,
            aliases: e.aliases.clone(),
            mentions,
        });
    }
    let statements = raws
        .into_iter()
        .enumerate()
        .map(|(id, r)| Statement {
            id,
            speakers: r.speakers.iter().map(|&i| new_id[i]).filter(|&x| x != usize::MAX).collect(),
            kind: r.kind,
            cue: r.cue.map(span),
            span: span(r.span),
        })
        .collect();
    (speakers, statements)
}
