//! "谁说了什么": one card per speaker, in order of first appearance, each
//! listing its statements; clicking one selects it in the article.

use crate::contract::{Annotation, SpeakerOut, StatementOut};
use crate::web::i18n::Lang;
use super::dom;
use super::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The annotation (`None` before the first result).
    pub ann: Option<Shared<Annotation>>,
    /// The selected statement.
    pub current: Option<String>,
    /// Speaker filter text.
    pub filter: String,
    /// UI language.
    pub lang: Lang,
    /// A statement was clicked.
    pub onselect: Callback<String>,
    /// The filter box changed.
    pub onfilter: Callback<String>,
    /// The panel element (the app scrolls it to the selected card).
    #[prop_or_default]
    pub node_ref: NodeRef,
}

/// True if `sp` matches the filter `f` (name, roles, aliases, affiliation; case-insensitive).
pub fn matches(sp: &SpeakerOut, f: &str) -> bool {
    let f = f.trim().to_lowercase();
    if f.is_empty() {
        return true;
    }
    std::iter::once(&sp.name)
        .chain(&sp.roles)
        .chain(&sp.aliases)
        .chain(sp.affiliation.iter())
        .any(|s| s.to_lowercase().contains(&f))
}

/// A card's one click listener for all its statement buttons (built outside
/// yew's vdom, see [`super::dom`]): a click, or Enter/Space on a focused
/// button, selects the button's `data-statement`.
fn pick(onselect: &Callback<String>) -> Callback<MouseEvent> {
    let onselect = onselect.clone();
    Callback::from(move |e: MouseEvent| {
        use wasm_bindgen::JsCast;
        let el = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let button = el.and_then(|e| e.closest("button[data-statement]").ok().flatten());
        if let Some(id) = button.and_then(|b| b.get_attribute("data-statement")) {
            onselect.emit(id);
        }
    })
}

/// The panel.
#[function_component(Panel)]
pub fn panel(p: &PanelProps) -> Html {
    let t = p.lang.t();
    let oninput = {
        let onfilter = p.onfilter.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            onfilter.emit(v);
        })
    };
    // Each speaker's statements (and those without one), once per
    // annotation: re-rendering the panel (a selection, the filter) reuses
    // them, and unchanged cards skip rendering (a long text has thousands).
    let grouped = use_memo(p.ann.clone(), |ann| {
        let Some(ann) = ann else { return (Vec::new(), Shared(Rc::new(Vec::new()))) };
        let per: Vec<Shared<Vec<StatementOut>>> = ann
            .speakers
            .iter()
            .map(|sp| Shared(Rc::new(ann.statements.iter().filter(|st| st.speakers.contains(&sp.id)).cloned().collect())))
            .collect();
        let unknown = ann.statements.iter().filter(|st| st.speakers.is_empty()).cloned().collect();
        (per, Shared(Rc::new(unknown)))
    });
    let cards = match &p.ann {
        None => Html::default(),
        Some(ann) => {
            let mut cards: Vec<Html> = ann
                .speakers
                .iter()
                .enumerate()
                .filter(|(_, sp)| matches(sp, &p.filter))
                .map(|(i, sp)| {
                    let statements = grouped.0.get(i).cloned().unwrap_or_else(|| Shared(Rc::new(Vec::new())));
                    html! { <SpeakerCard key={sp.id.clone()} speaker={sp.clone()} index={i} {statements}
                        current={p.current.clone()} lang={p.lang} onselect={p.onselect.clone()} /> }
                })
                .collect();
            let unknown = grouped.1.clone();
            if !unknown.is_empty() && p.filter.trim().is_empty() {
                cards.push(html! { <UnknownCard statements={unknown} current={p.current.clone()}
                    lang={p.lang} onselect={p.onselect.clone()} /> });
            }
            if cards.is_empty() {
                html! { <p class="pz-empty">{t.no_speakers}</p> }
            } else {
                cards.into_iter().collect()
            }
        }
    };
    html! {
        <aside class="pz-panel" ref={p.node_ref.clone()} aria-labelledby="pz-panel-title">
            <h2 id="pz-panel-title" class="pz-h2">{t.panel_title}</h2>
            <input class="pz-filter" type="search" placeholder={t.filter_speakers} aria-label={t.filter_speakers}
                value={p.filter.clone()} {oninput} />
            <div class="pz-cards">{cards}</div>
        </aside>
    }
}

/// Props of [`SpeakerCard`].
#[derive(Properties, PartialEq)]
pub struct SpeakerCardProps {
    /// The speaker.
    pub speaker: SpeakerOut,
    /// Its index in `speakers` (colour `sp-{i % 10}`).
    pub index: usize,
    /// Its statements in text order.
    pub statements: Shared<Vec<StatementOut>>,
    /// The selected statement.
    pub current: Option<String>,
    /// UI language.
    pub lang: Lang,
    /// A statement was clicked.
    pub onselect: Callback<String>,
}

/// One speaker's card.
#[function_component(SpeakerCard)]
pub fn speaker_card(p: &SpeakerCardProps) -> Html {
    let t = p.lang.t();
    let sp = &p.speaker;
    let active = p.statements.iter().any(|s| Some(&s.id) == p.current.as_ref());
    let class = classes!("pz-card", format!("sp-{}", p.index % 10), active.then_some("current"));
    let role = sp.roles.first().cloned().or_else(|| sp.title.clone());
    let title_id = format!("pz-sp-{}", sp.id);
    html! {
        <section {class} data-speaker={sp.name.clone()} aria-labelledby={title_id.clone()} onclick={pick(&p.onselect)}>
            <header class="pz-card-head">
                <span class="pz-swatch" aria-hidden="true"></span>
                <h3 class="pz-name" id={title_id}>{sp.name.clone()}</h3>
                <span class={classes!("pz-badge", format!("b-{}", sp.kind))}>{t.speaker_kind(&sp.kind)}</span>
                <span class="pz-count">{t.statements_count(p.statements.len())}</span>
            </header>
            if role.is_some() || sp.affiliation.is_some() {
                <dl class="pz-meta">
                    if let Some(r) = role { <dt>{t.role}</dt><dd>{r}</dd> }
                    if let Some(a) = sp.affiliation.clone() { <dt>{t.affiliation}</dt><dd>{a}</dd> }
                </dl>
            }
            <StatementList statements={p.statements.clone()} current={p.current.clone()} lang={p.lang} />
        </section>
    }
}

/// Props of [`UnknownCard`].
#[derive(Properties, PartialEq)]
pub struct UnknownCardProps {
    /// Statements without a source.
    pub statements: Shared<Vec<StatementOut>>,
    /// The selected statement.
    pub current: Option<String>,
    /// UI language.
    pub lang: Lang,
    /// A statement was clicked.
    pub onselect: Callback<String>,
}

/// Statements whose source the engine could not tell.
#[function_component(UnknownCard)]
pub fn unknown_card(p: &UnknownCardProps) -> Html {
    let t = p.lang.t();
    html! {
        <section class="pz-card sp-none" data-unknown="" aria-label={t.unknown_speaker} onclick={pick(&p.onselect)}>
            <header class="pz-card-head">
                <span class="pz-swatch" aria-hidden="true"></span>
                <h3 class="pz-name">{t.unknown_speaker}</h3>
                <span class="pz-count">{t.statements_count(p.statements.len())}</span>
            </header>
            <StatementList statements={p.statements.clone()} current={p.current.clone()} lang={p.lang} />
        </section>
    }
}

/// Props of [`StatementList`].
#[derive(Properties, PartialEq)]
pub struct StatementListProps {
    /// Statements.
    pub statements: Shared<Vec<StatementOut>>,
    /// The selected statement.
    pub current: Option<String>,
    /// UI language.
    pub lang: Lang,
}

/// Statements listed per card before "show all" (long inputs have hundreds;
/// each is a line-clamped button to lay out: 20 per card made the panel of a
/// 200,000-character article a 60–70 ms layout here).
const FIRST: usize = 10;

/// The statements of one card: direct in quotation marks, indirect with the cue.
#[function_component(StatementList)]
pub fn statement_list(p: &StatementListProps) -> Html {
    let t = p.lang.t();
    let all = use_state_eq(|| false);
    let has_current_late = p.statements.iter().skip(FIRST).any(|s| Some(&s.id) == p.current.as_ref());
    let limit = if *all || has_current_late { usize::MAX } else { FIRST };
    let more = p.statements.len().saturating_sub(limit);
    let show_all = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(true))
    };
    // The list is built in one call (see super::dom); its buttons' clicks
    // reach the card's one listener, which reads their data-statement. The
    // selection is set in place, so the focused button stays (j/k go on).
    let list = use_memo((p.statements.clone(), limit, p.lang), |(list, limit, lang)| {
        dom::statements(list, *limit, lang.t())
    });
    let shown = use_mut_ref(|| None);
    dom::current(&shown, &list, p.current.as_deref());
    html! {
        <>
        { Html::VRef((*list).clone().into()) }
        if more > 0 {
            <button type="button" class="pz-btn pz-more" onclick={show_all}>{format!("{} (+{more})", t.show_all)}</button>
        }
        </>
    }
}
