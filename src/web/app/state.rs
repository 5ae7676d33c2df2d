//! The widget's one state and its reducer. Every change goes through
//! [`Action`], so the behaviour is testable without a DOM.

use super::spans::{self, Para};
use crate::contract::Annotation;
use crate::web::i18n::Lang;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// An `Rc` compared by pointer: props holding big data stay cheap to compare.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// An annotation together with the exact text it indexes and its render tree.
#[derive(Debug)]
pub struct Annotated {
    /// The text that was annotated (offsets index into it, not into the draft).
    pub text: String,
    /// The engine's result.
    pub ann: Rc<Annotation>,
    /// Paragraph trees, each shared so unchanged paragraphs skip re-rendering.
    pub paras: Vec<Rc<Para>>,
    /// `fresh[i]`: paragraph `i` differs from the previous annotation's (must render).
    pub fresh: Vec<bool>,
    /// The annotation as the JSON string the worker sent, if it came from
    /// there: `pizhu:annotated` hands it on without serializing again.
    pub json: Option<wasm_bindgen::JsValue>,
}

impl Annotated {
    /// Builds the render tree for `ann` over `text`.
    pub fn new(text: String, ann: Rc<Annotation>) -> Self {
        Self::after(text, ann, None)
    }

    /// Like [`Annotated::new`], reusing `prev`'s paragraph `Rc`s where the
    /// paragraph is unchanged, so typing in a long article re-renders only
    /// the paragraphs that changed.
    pub fn after(text: String, ann: Rc<Annotation>, prev: Option<&Annotated>) -> Self {
        let built = spans::build(&text, &ann);
        Self::from_paras(text, ann, built, prev)
    }

    /// Like [`Annotated::after`], with the paragraphs already built (by
    /// [`super::tree::build_in_steps`], a few hundred lines per task).
    pub fn from_paras(text: String, ann: Rc<Annotation>, built: Vec<Para>, prev: Option<&Annotated>) -> Self {
        let mut paras = Vec::new();
        let mut fresh = Vec::new();
        for (i, p) in built.into_iter().enumerate() {
            match prev.and_then(|pr| pr.paras.get(i)).filter(|old| ***old == p) {
                Some(old) => {
                    paras.push(old.clone());
                    fresh.push(false);
                }
                None => {
                    paras.push(Rc::new(p));
                    fresh.push(true);
                }
            }
        }
        Annotated { text, ann, paras, fresh, json: None }
    }

    /// The same, remembering the JSON string the annotation arrived as.
    pub fn with_json(mut self, json: Option<wasm_bindgen::JsValue>) -> Self {
        self.json = json;
        self
    }

    /// How many of the first `n` paragraphs must render anew.
    pub fn fresh_in(&self, n: usize) -> usize {
        self.fresh.iter().take(n).filter(|f| **f).count()
    }
}

/// Which side a selection came from (decides what scrolls).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Clicked in the panel: scroll the article to the statement.
    Panel,
    /// Clicked in the article: mark the card, do not move the article.
    Article,
    /// j/k/↑/↓: scroll the article.
    Keys,
}

/// A message shown above the article until dismissed or resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// localStorage refused the draft.
    StorageFailed,
    /// The clipboard could not be read.
    ClipboardFailed,
    /// JSON copied.
    Copied,
    /// The worker could not start; annotating on the main thread.
    WorkerFallback,
}

/// Everything the widget shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The paste area's content; never discarded. Shared: a 600 KB draft is
    /// handed to the input, storage and annotator without copying it.
    pub draft: Rc<str>,
    /// Bumped on every edit; an annotation for an older draft is ignored.
    pub generation: u64,
    /// The latest annotation, for the text it was made from.
    pub annotated: Option<Shared<Annotated>>,
    /// An annotation request for `generation` is running.
    pub busy: bool,
    /// How much of it is done (0–1), when it reports that (long texts).
    pub progress: Option<f32>,
    /// The draft exceeds [`super::MAX_INPUT_UTF16`].
    pub too_long: bool,
    /// The last annotation error.
    pub error: Option<String>,
    /// Kinds switched off in the legend.
    pub hidden: BTreeSet<&'static str>,
    /// The selected statement id.
    pub current: Option<String>,
    /// Where the selection came from, and a counter so re-selecting scrolls again.
    pub selected_from: Option<(Origin, u64)>,
    /// Speaker filter text.
    pub filter: String,
    /// UI language.
    pub lang: Lang,
    /// Notices shown.
    pub notices: Vec<Notice>,
}

impl State {
    /// The initial state for `draft` in `lang` with `hidden` kinds off.
    pub fn new(draft: Rc<str>, lang: Lang, hidden: BTreeSet<&'static str>) -> Self {
        State {
            draft,
            generation: 0,
            annotated: None,
            busy: false,
            progress: None,
            too_long: false,
            error: None,
            hidden,
            current: None,
            selected_from: None,
            filter: String::new(),
            lang,
            notices: Vec::new(),
        }
    }

    /// Statement ids in text order.
    fn statement_ids(&self) -> Vec<String> {
        self.annotated.as_ref().map(|a| a.ann.statements.iter().map(|s| s.id.clone()).collect()).unwrap_or_default()
    }
}

/// Everything that can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user (or config) changed the text.
    Edit(Rc<str>),
    /// Annotation of `generation` started.
    Started(u64),
    /// `done` (0–1) of the annotation of `generation` is done.
    Progress { generation: u64, done: f32 },
    /// Annotation of `generation` finished (built by [`Annotated::new`] outside
    /// the reducer, so that work is its own task).
    Done { generation: u64, annotated: Shared<Annotated> },
    /// Annotation of `generation` failed.
    Failed { generation: u64, message: String },
    /// The draft is too long to annotate.
    TooLong(u64),
    /// Legend button: show/hide a kind.
    ToggleKind(&'static str),
    /// Select a statement (None clears).
    Select(Option<String>, Origin),
    /// Move the selection by ±1 statements (wraps).
    Step(i32),
    /// Speaker filter text.
    Filter(String),
    /// Switch UI language.
    SetLang(Lang),
    /// Replace the set of hidden kinds (config `kinds` changed).
    SetHidden(BTreeSet<&'static str>),
    /// Show a notice (once).
    Notify(Notice),
    /// Remove a notice.
    Dismiss(Notice),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(text) => {
                if text == s.draft {
                    return self;
                }
                s.draft = text;
                s.generation += 1;
                s.too_long = false;
            }
            Action::Started(g) => {
                if g != s.generation {
                    return self;
                }
                s.busy = true;
                s.progress = None;
            }
            Action::Progress { generation, done } => {
                // Whole percents only: each is a render of the status line.
                let shown = |p: Option<f32>| p.map(|p| (p * 100.0) as u32);
                if generation != s.generation || !s.busy || shown(Some(done)) <= shown(s.progress) {
                    return self;
                }
                s.progress = Some(done.clamp(0.0, 1.0));
            }
            Action::Done { generation, annotated } => {
                if generation != s.generation {
                    return self; // stale: the user kept typing
                }
                s.busy = false;
                s.progress = None;
                s.error = None;
                if !annotated.ann.statements.iter().any(|st| Some(&st.id) == s.current.as_ref()) {
                    s.current = None;
                }
                s.annotated = Some(annotated);
            }
            Action::Failed { generation, message } => {
                if generation != s.generation {
                    return self;
                }
                s.busy = false;
                s.progress = None;
                s.error = Some(message);
            }
            Action::TooLong(g) => {
                if g != s.generation {
                    return self;
                }
                s.busy = false;
                s.progress = None;
                s.too_long = true;
                s.annotated = None; // the old highlights belong to another text
                s.current = None;
            }
            Action::ToggleKind(k) => {
                if !s.hidden.remove(k) {
                    s.hidden.insert(k);
                }
            }
            Action::Select(id, origin) => {
                s.current = id;
                let n = s.selected_from.map_or(0, |(_, n)| n + 1);
                s.selected_from = Some((origin, n));
            }
            Action::Step(d) => {
                let ids = s.statement_ids();
                if ids.is_empty() {
                    return self;
                }
                let n = ids.len() as i64;
                let next = match s.current.as_ref().and_then(|c| ids.iter().position(|i| i == c)) {
                    Some(i) => (i as i64 + d as i64).rem_euclid(n),
                    None if d < 0 => n - 1,
                    None => 0,
                };
                s.current = Some(ids[next as usize].clone());
                let n = s.selected_from.map_or(0, |(_, n)| n + 1);
                s.selected_from = Some((Origin::Keys, n));
            }
            Action::SetHidden(h) => {
                if h == s.hidden {
                    return self;
                }
                s.hidden = h;
            }
            Action::Filter(f) => s.filter = f,
            Action::SetLang(l) => {
                if l == s.lang {
                    return self;
                }
                s.lang = l;
            }
            Action::Notify(n) => {
                if !s.notices.contains(&n) {
                    s.notices.push(n);
                }
            }
            Action::Dismiss(n) => s.notices.retain(|x| *x != n),
        }
        Rc::new(s)
    }
}
