//! The document model the engine produces: labelled spans, quotations,
//! speakers and statements linked by ids (spaCy-style), all in byte offsets.

use super::span::Span;
use serde::Serialize;

/// What an entity span names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A company, platform, government body, association, institute, media outlet, club.
    Organization,
    /// A real person's name (full name, short form or transliterated name).
    Person,
    /// A job title or full role as written (京东零售集团CEO).
    Position,
    /// A number that carries information: amount, percentage, date, count, score.
    Figure,
    /// A work title in 《》.
    Work,
}

/// A finer label for an entity, where the engine can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Subkind {
    /// Organization: a business.
    Company,
    /// Organization: a government body, ministry, court, party organ.
    Government,
    /// Organization: a newspaper, agency, broadcaster, site.
    Media,
    /// Organization: association, institute, club, school, other.
    Other,
    /// Figure: a percentage.
    Percent,
    /// Figure: a money amount.
    Money,
    /// Figure: a date or time.
    Date,
    /// Figure: an amount with a unit, a count.
    Quantity,
    /// Figure: a bare number, score, rank or range.
    Number,
}

/// One labelled span of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// What the span names.
    pub kind: EntityKind,
    /// A finer label, if known.
    pub subkind: Option<Subkind>,
    /// Where it is (bytes).
    pub span: Span,
}

/// What a pair of quotation marks encloses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Someone's words.
    Speech,
    /// A term, nickname, slogan or scare quote (“老铁”).
    Term,
    /// A title of a work or event.
    Title,
}

/// A quotation: the text between a pair of marks (or from an unclosed mark
/// to the end of its paragraph).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Speech, term or title.
    pub kind: QuoteKind,
    /// The words inside the marks, without the marks (bytes).
    pub span: Span,
    /// The whole quotation including its marks (bytes); equals `span` widened
    /// by the marks, or only by the opening mark when it is never closed.
    pub outer: Span,
    /// False when the closing mark is missing.
    pub closed: bool,
}

/// Who a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An organization speaking as a body (快手方面表示).
    Organization,
    /// An unnamed source (业内人士, 分析人士, 知情人士).
    Anonymous,
}

/// One source of statements, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// Index in [`Document::speakers`]; statements refer to it.
    pub id: usize,
    /// Canonical name: full name as written, shortest full organization name,
    /// or the anonymous descriptor.
    pub name: String,
    /// Person, organization or anonymous.
    pub kind: SpeakerKind,
    /// Roles as written before the name (京东零售集团CEO), fullest first.
    pub roles: Vec<String>,
    /// The job title inside the role (CEO), if any.
    pub title: Option<String>,
    /// The organization named in the role (京东零售集团), if any.
    pub affiliation: Option<String>,
    /// Other forms used for the speaker (罗伊, 快手方面).
    pub aliases: Vec<String>,
    /// Every place the speaker is named or referred to (bytes).
    pub mentions: Vec<Span>,
}

/// Quoted words or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// The words inside quotation marks.
    Direct,
    /// Reported speech after a cue (X表示，…).
    Indirect,
}

/// One statement: what was said, by whom, signalled by which cue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// Index in [`Document::statements`].
    pub id: usize,
    /// Speaker ids (into [`Document::speakers`]); several for a joint
    /// statement, empty when the source is unknown.
    pub speakers: Vec<usize>,
    /// Direct or indirect.
    pub kind: StatementKind,
    /// The cue as written (表示, 进一步表示) and where; `None` when the
    /// attribution is by context only.
    pub cue: Option<Span>,
    /// The statement's words (bytes): inside the marks for direct speech,
    /// from after the cue to the end of the reported clause for indirect.
    pub span: Span,
}

/// Everything the engine found in one text. All spans are byte offsets into
/// that text, half-open, on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Document {
    /// Organizations, people, positions, figures and works, sorted by start.
    pub entities: Vec<Entity>,
    /// Every quotation, sorted by start.
    pub quotes: Vec<Quote>,
    /// Speakers in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// Statements in text order.
    pub statements: Vec<Statement>,
}
