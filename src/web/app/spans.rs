//! Turns the annotation's flat, possibly overlapping span lists into one
//! properly nested tree per paragraph, ready to render as text nodes.
//!
//! Offsets in the contract are UTF-16 code units; Rust strings are UTF-8.
//! [`Utf16Bytes`] maps every UTF-16 offset to a byte offset once per text so
//! slicing is exact even with emoji / CJK Extension B (surrogate pairs).
//!
//! Overlap policy: statements are the outer level, entities and term quotes
//! the inner one. When two spans cross, the one that starts later is clipped
//! to end where the enclosing one ends (dropped if nothing is left), so the
//! output is always a tree and never loses or duplicates text.

use crate::contract::Annotation;
use std::rc::Rc;

/// UTF-16 offset → UTF-8 byte offset for one text.
pub struct Utf16Bytes {
    /// `bytes[u]` = byte offset of UTF-16 unit `u`; a unit inside a surrogate
    /// pair maps to the start of its character (so a bad offset never splits it).
    bytes: Vec<u32>,
}

impl Utf16Bytes {
    /// Builds the map for `text` in one pass.
    pub fn new(text: &str) -> Self {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (b, ch) in text.char_indices() {
            for _ in 0..ch.len_utf16() {
                bytes.push(b as u32);
            }
        }
        bytes.push(text.len() as u32);
        Utf16Bytes { bytes }
    }

    /// Length of the text in UTF-16 units.
    pub fn len_utf16(&self) -> usize {
        self.bytes.len() - 1
    }

    /// Byte offset of UTF-16 offset `u`, clamped to the text.
    pub fn byte(&self, u: usize) -> usize {
        self.bytes[u.min(self.bytes.len() - 1)] as usize
    }
}

/// What a highlight is.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkInfo {
    /// `organization`, `person`, `position`, `figure`, `work`, `term` or `statement`.
    pub kind: &'static str,
    /// Finer label (`company`, `percent`, …) or, for statements, `direct`/`indirect`.
    pub subkind: Option<String>,
    /// Statement id (`t1`) for statements.
    pub statement: Option<String>,
    /// Speaker name for statements with a known source.
    pub speaker: Option<String>,
    /// The speaker's first role, for the tooltip.
    pub role: Option<String>,
    /// Index of the speaker in `speakers` (colour class `sp-{i % 10}`).
    pub speaker_index: Option<usize>,
}

/// One piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Plain text.
    Text(String),
    /// A highlight and what it contains.
    Mark(Rc<MarkInfo>, Vec<Node>),
}

/// One paragraph (a line of the input) as a tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Paragraph index.
    pub index: usize,
    /// Ids of the statements that start in this paragraph.
    pub statements: Vec<String>,
    /// Content.
    pub nodes: Vec<Node>,
}

impl Para {
    /// Characters of text in the paragraph (all its nodes).
    pub fn chars(&self) -> usize {
        fn count(n: &Node) -> usize {
            match n {
                Node::Text(s) => s.chars().count(),
                Node::Mark(_, kids) => kids.iter().map(count).sum(),
            }
        }
        self.nodes.iter().map(count).sum()
    }
}

/// The known highlight kinds, in legend order.
pub const KINDS: [&str; 7] = ["statement", "person", "organization", "position", "figure", "work", "term"];

/// Interns a kind name as one of [`KINDS`] (unknown kinds are skipped).
fn kind_str(kind: &str) -> Option<&'static str> {
    KINDS.iter().copied().find(|k| *k == kind)
}

/// A flat span before nesting.
struct Flat {
    start: usize,
    end: usize,
    /// 0 = outer (statement), 1 = inner (entity, term).
    level: u8,
    info: Rc<MarkInfo>,
}

/// Collects every highlight of `ann` as flat spans sorted for nesting.
fn flat_marks(ann: &Annotation, len: usize) -> Vec<Flat> {
    let mut out = Vec::with_capacity(ann.statements.len() + ann.entities.len() + ann.quotes.len());
    let speaker_index: std::collections::HashMap<&str, usize> =
        ann.speakers.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    for st in &ann.statements {
        let idx = st.speaker.as_deref().and_then(|id| speaker_index.get(id).copied());
        let sp = idx.map(|i| &ann.speakers[i]);
        out.push(Flat {
            start: st.start,
            end: st.end,
            level: 0,
            info: Rc::new(MarkInfo {
                kind: "statement",
                subkind: Some(st.kind.clone()),
                statement: Some(st.id.clone()),
                speaker: sp.map(|s| s.name.clone()),
                role: sp.and_then(|s| s.roles.first().cloned()),
                speaker_index: idx,
            }),
        });
    }
    let inner = |kind: &'static str, subkind: Option<String>| {
        Rc::new(MarkInfo { kind, subkind, statement: None, speaker: None, role: None, speaker_index: None })
    };
    for e in &ann.entities {
        if let Some(k) = kind_str(&e.kind) {
            out.push(Flat { start: e.start, end: e.end, level: 1, info: inner(k, e.subkind.clone()) });
        }
    }
    let entity_spans: std::collections::HashSet<(usize, usize)> = ann.entities.iter().map(|e| (e.start, e.end)).collect();
    for q in &ann.quotes {
        // Speech quotes are already statements; 《》 works are entities. Terms
        // and quoted titles get their own highlight unless an entity has the span.
        let kind = match q.kind.as_str() {
            "term" => "term",
            "title" => "work",
            _ => continue,
        };
        if !entity_spans.contains(&(q.start, q.end)) {
            out.push(Flat { start: q.start, end: q.end, level: 1, info: inner(kind, None) });
        }
    }
    for f in &mut out {
        f.end = f.end.min(len);
    }
    out.retain(|f| f.start < f.end);
    // Outer first at equal start: longer first, then statements before entities.
    out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.level.cmp(&b.level)));
    out
}

/// An open mark while building the tree.
struct Open {
    end: usize,
    level: u8,
    info: Rc<MarkInfo>,
    children: Vec<Node>,
}

/// Builds the nested tree for `text` (the exact string that was annotated)
/// and its annotation: one [`Para`] per line, empty lines skipped.
pub fn build(text: &str, ann: &Annotation) -> Vec<Para> {
    let mut b = Builder::new(text, ann);
    let mut out = Vec::new();
    while b.next_into(usize::MAX, &mut out) {}
    out
}

/// [`build`] a few lines at a time, so a long article's tree is built over
/// several tasks: [`Builder::next_into`] continues where the last call stopped.
pub struct Builder<'a> {
    text: &'a str,
    map: Utf16Bytes,
    marks: Vec<Flat>,
    /// Line ranges in UTF-16 units, split on '\n'.
    ranges: Vec<(usize, usize)>,
    /// The next line to build.
    line: usize,
    /// The next mark not yet placed.
    next: usize,
    /// Marks that started in an earlier line and run into the next one.
    carry: Vec<usize>,
    /// Paragraphs built so far (their `index`).
    built: usize,
}

impl<'a> Builder<'a> {
    /// Prepares the marks and line ranges of `text` (one pass each).
    pub fn new(text: &'a str, ann: &Annotation) -> Self {
        let map = Utf16Bytes::new(text);
        let len = map.len_utf16();
        let marks = flat_marks(ann, len);
        // Line ranges in UTF-16 units, split on '\n' (and '\r' dropped).
        let mut ranges = Vec::new();
        let mut start = 0usize;
        let mut u = 0usize;
        for ch in text.chars() {
            if ch == '\n' {
                ranges.push((start, u));
                start = u + 1;
            }
            u += ch.len_utf16();
        }
        ranges.push((start, len));
        Builder { text, map, marks, ranges, line: 0, next: 0, carry: Vec::new(), built: 0 }
    }

    /// Builds the paragraphs of up to `lines` more lines into `out`; false
    /// once every line is done.
    pub fn next_into(&mut self, lines: usize, out: &mut Vec<Para>) -> bool {
        let (text, map, marks) = (self.text, &self.map, &self.marks);
        let stop = self.line.saturating_add(lines).min(self.ranges.len());
        while self.line < stop {
            let (ps, pe) = self.ranges[self.line];
            self.line += 1;
            let mut here: Vec<usize> = self.carry.drain(..).filter(|&i| marks[i].end > ps).collect();
            while self.next < marks.len() && marks[self.next].start < pe {
                here.push(self.next);
                self.next += 1;
            }
            for &i in &here {
                if marks[i].end > pe {
                    self.carry.push(i);
                }
            }
            let slice = &text[map.byte(ps)..map.byte(pe)];
            if slice.trim().is_empty() {
                continue;
            }
            let nodes = nest(text, map, marks, &here, ps, pe);
            let statements = here
                .iter()
                .filter(|&&i| marks[i].start >= ps)
                .filter_map(|&i| marks[i].info.statement.clone())
                .collect();
            out.push(Para { index: self.built, statements, nodes });
            self.built += 1;
        }
        self.line < self.ranges.len()
    }
}

/// Nests the marks `idx` (sorted) clipped to `[ps, pe)` into nodes.
fn nest(text: &str, map: &Utf16Bytes, marks: &[Flat], idx: &[usize], ps: usize, pe: usize) -> Vec<Node> {
    let slice = |a: usize, b: usize| text[map.byte(a)..map.byte(b)].trim_end_matches('\r').to_string();
    let mut root: Vec<Node> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut pos = ps;

    // Closes the innermost open mark, flushing text up to its end.
    fn close(stack: &mut Vec<Open>, root: &mut Vec<Node>, pos: &mut usize, slice: &dyn Fn(usize, usize) -> String) {
        let mut open = stack.pop().expect("close with an open mark");
        if *pos < open.end {
            open.children.push(Node::Text(slice(*pos, open.end)));
            *pos = open.end;
        }
        let node = Node::Mark(open.info, open.children);
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => root.push(node),
        }
    }

    for &i in idx {
        let m = &marks[i];
        let start = m.start.max(ps).max(pos);
        let mut end = m.end.min(pe);
        while stack.last().is_some_and(|o| o.end <= start) {
            close(&mut stack, &mut root, &mut pos, &slice);
        }
        if let Some(top) = stack.last() {
            if end > top.end && m.level > 0 && top.level > 0 {
                continue; // two entities crossing: keep the first whole, drop the other
            }
            end = end.min(top.end); // crossing a statement: clip the later one
        }
        if start >= end {
            continue; // fully covered by an earlier sibling, or clipped away
        }
        if pos < start {
            let t = Node::Text(slice(pos, start));
            match stack.last_mut() {
                Some(o) => o.children.push(t),
                None => root.push(t),
            }
            pos = start;
        }
        stack.push(Open { end, level: m.level, info: m.info.clone(), children: Vec::new() });
    }
    while !stack.is_empty() {
        close(&mut stack, &mut root, &mut pos, &slice);
    }
    if pos < pe {
        root.push(Node::Text(slice(pos, pe)));
    }
    root.retain(|n| !matches!(n, Node::Text(t) if t.is_empty()));
    root
}

/// The concatenated text of `nodes` (tests: rendering must not lose text).
pub fn plain(nodes: &[Node]) -> String {
    let mut s = String::new();
    for n in nodes {
        match n {
            Node::Text(t) => s.push_str(t),
            Node::Mark(_, c) => s.push_str(&plain(c)),
        }
    }
    s
}
