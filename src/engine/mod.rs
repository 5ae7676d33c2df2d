//! The annotation engine: pure Rust, no web imports, the same code natively
//! and in wasm. Input is `&str`; output is a [`Document`] in UTF-8 byte
//! offsets. Conversion to UTF-16 happens in [`crate::contract`].
//!
//! Pipeline (each stage one module, each a linear pass over the text or the
//! tokens; jieba tags the text once):
//! 1. [`segment`]: jieba POS tagging → tokens with byte spans.
//! 2. [`figures`]: numbers with units, percentages, dates.
//! 3. [`quotes`]: quotation-mark pairs and 《》 works, classified.
//! 4. [`entities`]: organizations, people, positions.
//! 5. [`attribution`]: speech cues → statements → speakers.

pub mod attribution;
pub mod chars;
pub mod dict;
pub mod entities;
pub mod figures;
pub mod growing;
pub mod lexicon;
pub mod model;
pub mod quotes;
pub mod segment;
pub mod span;
pub mod work;

pub use growing::GrowingEngine;
pub use model::*;
pub use span::{Span, SpanSet};

use chars::Chars;
use jieba_rs::Jieba;

/// A long-lived annotator: build once (loads the dictionary), annotate many texts.
pub struct Engine {
    jieba: Jieba,
}

impl Engine {
    /// Builds the engine with its embedded dictionary and lexicons.
    pub fn new() -> Self {
        // Parse the lexicons and build the char and unit tables now, not on
        // the first annotate call.
        lexicon::Lexicon::get();
        attribution::lexicon::get();
        attribution::subject::warm_up();
        attribution::speakers::warm_up();
        Chars::new("", &[]);
        figures::find("1年", &[]);
        entities::warm_up();
        Engine { jieba: dict::jieba() }
    }

    /// The segmenter underneath, for benchmarks that compare against bare tagging.
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Annotates one text. Never panics on any `&str`.
    pub fn annotate(&self, text: &str) -> Document {
        annotate_with(&self.jieba, text)
    }
}

/// The pipeline over a segmenter that knows at least every dictionary word
/// occurring in `text` ([`Engine`], or [`growing::GrowingEngine`] after it
/// prepared for the text).
fn annotate_with(jieba: &Jieba, text: &str) -> Document {
    annotate_reporting(jieba, text, &mut |_| {})
}

/// How much of [`annotate_reporting`]'s time each stage takes (fractions
/// summing to 1; measured on a 200,000-character article, natively: tagging
/// 12 ms, figures/quotes/entities 22 ms, attribution 32 ms).
const STAGES: [(Stage, f32); 4] = [(Stage::Tag, 0.2), (Stage::Find, 0.33), (Stage::Attribute, 0.45), (Stage::Finish, 0.02)];

/// The pipeline's stages, for progress reports.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Tag,
    Find,
    Attribute,
    Finish,
}

/// The fraction of the work done before `stage` starts.
fn before(stage: Stage) -> f32 {
    STAGES.iter().take_while(|(s, _)| *s != stage).map(|(_, w)| w).sum()
}

/// The weight of `stage`.
fn weight(stage: Stage) -> f32 {
    STAGES.iter().find(|(s, _)| *s == stage).map_or(0.0, |(_, w)| *w)
}

/// The pipeline, calling `progress(done)` (0.0–1.0, increasing) as it goes:
/// jieba tags the text in pieces of whole lines (the same tokens as in one
/// call: jieba never joins words across a line break), then each rule stage.
pub(crate) fn annotate_reporting(jieba: &Jieba, text: &str, progress: &mut dyn FnMut(f32)) -> Document {
    let tokens = segment::tag_reporting(jieba, text, &mut |f| progress(before(Stage::Tag) + f * weight(Stage::Tag)));
    progress(before(Stage::Find));
    // The one char view of the text every stage reads.
    let chars = chars::Chars::new(text, &tokens);
    let figures = figures::find_in(&chars);
    let quotes = quotes::find_in(&chars);
    let mut entities = entities::find_in(&chars, &tokens, &quotes, &figures);
    entities.extend(figures);
    entities.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    progress(before(Stage::Attribute));
    let (speakers, statements) = attribution::find_in(&chars, &tokens, &entities, &quotes);
    progress(before(Stage::Finish));
    add_speaking_organizations(text, &speakers, &mut entities);
    add_speaking_persons(text, &speakers, &mut entities);
    progress(1.0);
    Document { entities, quotes, speakers, statements }
}

/// An organization that speaks as a body through 方面 (星河电池方面称), or an
/// outlet credited with a report (据某某体育报道), is an organization even
/// when no lexicon or suffix named it: mark every
/// occurrence of its name that no other entity covers yet. (Other bodies that
/// speak — 公报, 业界 — are too often documents or groups to count.)
fn add_speaking_organizations(text: &str, speakers: &[Speaker], entities: &mut Vec<Entity>) {
    let before = entities.len();
    let via_fangmian = |sp: &&Speaker| sp.aliases.iter().any(|a| a.ends_with("方面"));
    // 据雅虎体育报道: only an outlet stands between 据 and 报道.
    let credited = |sp: &&Speaker| {
        sp.mentions.iter().any(|m| {
            let after = text.get(m.end..).unwrap_or("");
            text.get(..m.start).is_some_and(|b| b.ends_with('据')) && ["报道", "报导", "消息", "援引"].iter().any(|w| after.starts_with(w))
        })
    };
    let mut speaking = speakers.iter().filter(|sp| sp.kind == SpeakerKind::Organization).filter(|sp| via_fangmian(sp) || credited(sp)).peekable();
    if speaking.peek().is_none() {
        return;
    }
    let found = SpanSet::new(entities.iter().map(|e| e.span));
    // Names added here, by start: they never overlap each other, so the one
    // starting last before a span's end is the only one that can reach it.
    let mut added: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for sp in speaking {
        // Every occurrence of the name, not only where it speaks (星河电池发布…).
        for (at, name) in text.match_indices(sp.name.as_str()) {
            work::add(1);
            let m = Span::new(at, at + name.len());
            let overlaps_added = added.range(..m.end).next_back().is_some_and(|(_, &end)| end > m.start);
            if !found.overlaps(m) && !overlaps_added {
                added.insert(m.start, m.end);
                entities.push(Entity { kind: EntityKind::Organization, subkind: None, span: m });
            }
        }
    }
    if entities.len() > before {
        entities.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    }
}

/// A person the attribution names as a speaker (伊朗最高领袖哈梅内伊27日称) is a
/// person entity where its name is written, also where the entity rules did
/// not see one (a date between name and cue). Only name-shaped mentions: a
/// Chinese name from a surname, or a transliteration; never a pronoun or a
/// word jieba mistook for a name.
fn add_speaking_persons(text: &str, speakers: &[Speaker], entities: &mut Vec<Entity>) {
    let lx = lexicon::Lexicon::get();
    let name_shaped = |w: &str| {
        let n = w.chars().count();
        let han = w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let chinese = han && (2..=4).contains(&n) && lx.surname_at_start(w).is_some_and(|l| l < w.len());
        let translit = (2..=12).contains(&n)
            && w.chars().all(|c| lx.is_translit(c) || matches!(c, '·' | '-' | '•'))
            && !w.starts_with(['·', '-', '•'])
            && !w.ends_with(['·', '-', '•']);
        // Rachel Zoe, Henk Rogers: two or three capitalised Latin words.
        let latin = attribution::speakers::is_latin_name(w);
        // 徐总, 赵某, 刘小姐, 习主席: a surname and a title or a form of address.
        let addressed = lx.surname_at_start(w).is_some_and(|l| {
            let rest = &w[l..];
            lx.is_title(rest) || ["总", "董", "某", "先生", "女士", "小姐", "太太", "妈妈", "爸爸", "老师", "同志"].contains(&rest)
        });
        // 乌方, 林草局, 海合会, 李某则: a side, a body, a glued adverb.
        let not_name_end = w.ends_with(['方', '局', '会', '则', '部', '委', '院']);
        (chinese || translit || latin) && !addressed && !not_name_end && !lx.is_place(w) && !lx.is_not_name(w) && lx.known_org(w).is_none()
    };
    let before = entities.len();
    let mut speaking = speakers.iter().filter(|sp| sp.kind == SpeakerKind::Person).peekable();
    if speaking.peek().is_none() {
        return;
    }
    // Overlap queries by index, not by scanning every entity per mention (a
    // text naming one speaker thousands of times was quadratic).
    let found = SpanSet::new(entities.iter().map(|e| e.span));
    // The entities by start, to find the ones a mention overlaps: a person
    // entity that is the speaker's name clipped (贾德 of 贾德界, 韦斯特 of
    // 韦斯特伍) gives way to the whole name.
    let mut by_start: Vec<(usize, usize)> = entities.iter().enumerate().map(|(i, e)| (e.span.start, i)).collect();
    by_start.sort_unstable();
    let mut clipped: Vec<usize> = Vec::new();
    let mut new: Vec<Span> = Vec::new();
    // (No entity is longer than this; bounds the look-back of each query.)
    let reach = entities.iter().map(|e| e.span.end - e.span.start).max().unwrap_or(0);
    let inside_persons = |m: Span| -> Option<Vec<usize>> {
        let hi = by_start.partition_point(|&(s, _)| s < m.end);
        let lo = by_start.partition_point(|&(s, _)| s + reach <= m.start);
        let over: Vec<usize> = by_start[lo..hi].iter().map(|&(_, i)| i).filter(|&i| entities[i].span.overlaps(&m)).collect();
        // (Only a name cut at its end, by one char or by a transliteration's
        // tail, or a transliteration as a whole: not 习近平 inside 时习近平.)
        let translit = |w: &str| w.chars().all(|c| lx.is_translit(c) || matches!(c, '·' | '-' | '•'));
        let extends = |e: Span| {
            let tail = &text[e.end..m.end];
            translit(m.slice(text)) || e.start == m.start && (tail.chars().count() == 1 || translit(tail))
        };
        let all_inside = over.iter().all(|&i| entities[i].kind == EntityKind::Person && m.contains(&entities[i].span) && entities[i].span != m && extends(entities[i].span));
        (!over.is_empty() && all_inside).then_some(over)
    };
    // Names added here, by start: they never overlap each other, so the one
    // starting last before a span's end is the only one that can reach it.
    let mut added: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for sp in speaking {
        for m in &sp.mentions {
            let w = m.slice(text);
            // The full name only: short forms (米尔萨普 of 保罗-米尔萨普) are aliases, not persons.
            if w != sp.name || !name_shaped(w) {
                continue;
            }
            let overlaps_added = added.range(..m.end).next_back().is_some_and(|(_, &end)| end > m.start);
            if overlaps_added {
                continue;
            }
            let replaces = if found.overlaps(*m) { inside_persons(*m) } else { Some(Vec::new()) };
            if let Some(old) = replaces {
                clipped.extend(old);
                added.insert(m.start, m.end);
                new.push(*m);
            }
        }
    }
    if !clipped.is_empty() {
        clipped.sort_unstable();
        clipped.dedup();
        let mut i = 0;
        entities.retain(|_| {
            i += 1;
            clipped.binary_search(&(i - 1)).is_err()
        });
    }
    entities.extend(new.into_iter().map(|span| Entity { kind: EntityKind::Person, subkind: None, span }));
    if entities.len() != before || !clipped.is_empty() {
        entities.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of `doc`'s entities of `kind`.
    fn texts<'t>(doc: &Document, text: &'t str, kind: EntityKind) -> Vec<&'t str> {
        doc.entities.iter().filter(|e| e.kind == kind).map(|e| e.span.slice(text)).collect()
    }

    #[test]
    fn organization_speaking_through_fangmian_is_an_organization() {
        // No lexicon or suffix names 星河电池; speaking as 星河电池方面 does.
        let text = "星河电池发布年报。星河电池方面称，新工厂预计九月动工。";
        let doc = Engine::new().annotate(text);
        let orgs = texts(&doc, text, EntityKind::Organization);
        assert_eq!(orgs, ["星河电池", "星河电池"]);
    }

    #[test]
    fn a_person_speaker_is_a_person_entity_where_its_name_is_written() {
        // The date between name and cue hides the name from the entity rules;
        // the attribution still finds the speaker.
        let text = "星河国总理韦栖岚27日称，两国将扩大合作。";
        let doc = Engine::new().annotate(text);
        let persons = texts(&doc, text, EntityKind::Person);
        assert_eq!(persons, ["韦栖岚"]);
    }

    #[test]
    fn regression_a_speakers_name_was_a_clipped_person_entity() {
        // The entity rules may stop short of a name's last char or of a
        // transliteration's tail; the speaker's full name then wins. A name
        // inside a longer (wrong) speaker name is kept.
        // The person entities after a speaker named `name` (mentioned once,
        // up to `cue`) meets the entity `entity` the rules found.
        fn after(text: &str, name: &str, cue: &str, entity: &str) -> Vec<String> {
            let at = text.find(name).unwrap();
            let speakers = vec![Speaker {
                id: 0,
                name: name.into(),
                kind: SpeakerKind::Person,
                roles: vec![],
                title: None,
                affiliation: None,
                aliases: vec![],
                mentions: vec![Span::new(at, text.find(cue).unwrap())],
            }];
            let e = text.find(entity).unwrap();
            let mut entities = vec![Entity { kind: EntityKind::Person, subkind: None, span: Span::new(e, e + entity.len()) }];
            add_speaking_persons(text, &speakers, &mut entities);
            entities.iter().map(|e| e.span.slice(text).to_string()).collect()
        }
        assert_eq!(after("市协会副会长贾德界表示，价格不会大幅下跌。", "贾德界", "表示", "贾德"), ["贾德界"]);
        assert_eq!(after("当时习近平说，要坚持下去。", "时习近平", "说", "习近平"), ["习近平"]);
    }

    #[test]
    fn a_speaker_named_in_latin_letters_is_a_person_entity() {
        let text = "造型师Anna Miles说，今季的关键词是轻盈。Anna Miles还说，明年会更简洁。";
        let doc = Engine::new().annotate(text);
        let persons = texts(&doc, text, EntityKind::Person);
        assert_eq!(persons, ["Anna Miles", "Anna Miles"]);
    }

    #[test]
    fn regression_a_pronoun_never_stands_for_a_common_word_jieba_tags_as_a_name() {
        // jieba's dictionary tags 卫星 (satellite) nr; 他 has no antecedent here.
        let text = "展台上摆着一个卫星模型。他说，这些都是学生做的。";
        let doc = Engine::new().annotate(text);
        assert!(doc.speakers.iter().all(|s| s.name != "卫星"), "{:?}", doc.speakers);
    }

    #[test]
    fn an_adjective_before_the_cue_is_not_the_speaker() {
        let text = "星河国总理韦栖岚郑重提出，两国应扩大合作。";
        let doc = Engine::new().annotate(text);
        let names: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["韦栖岚"]);
    }
}
