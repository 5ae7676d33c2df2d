//! "谁说了什么": one card per speaker, in order of first appearance, each
//! listing its statements; clicking one selects it in the article.

use crate::contract::{Annotation, SpeakerOut, StatementOut};
use crate::web::i18n::Lang;
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

/// Cards in an annotation's first render: what a screen shows, so the
/// first frame does not lay out a panel of hundreds of statements.
const FIRST_CARDS: usize = 3;

/// Cards added per task after the first render.
const CARD_BATCH: usize = 40;

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
    // Cards come in batches, one task each, like the article's paragraphs;
    // the card of the selected statement is always among them.
    let key = p.ann.as_ref().map_or(0, |a| Rc::as_ptr(&a.0) as usize);
    let shown = use_state_eq(|| (key, FIRST_CARDS));
    let count = if shown.0 == key { shown.1 } else { FIRST_CARDS };
    let total = p.ann.as_ref().map_or(0, |a| a.speakers.len());
    {
        let shown = shown.clone();
        use_effect_with((key, count, total), move |&(key, n, total)| {
            if n < total {
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    shown.set((key, n + CARD_BATCH));
                });
            }
        });
    }
    let cards = match &p.ann {
        None => Html::default(),
        Some(ann) => {
            let listed: Vec<usize> = (0..ann.speakers.len()).filter(|&i| matches(&ann.speakers[i], &p.filter)).collect();
            let holds = |i: usize, c: &String| grouped.0.get(i).is_some_and(|sts| sts.iter().any(|st| &st.id == c));
            let need = match &p.current {
                Some(c) if grouped.1.iter().any(|st| &st.id == c) => listed.len(),
                Some(c) => listed.iter().position(|&i| holds(i, c)).map_or(0, |k| k + 1),
                None => 0,
            };
            let limit = count.max(need);
            let mut cards: Vec<Html> = listed
                .iter()
                .take(limit)
                .map(|&i| (i, &ann.speakers[i]))
                .map(|(i, sp)| {
                    let statements = grouped.0.get(i).cloned().unwrap_or_else(|| Shared(Rc::new(Vec::new())));
                    html! { <SpeakerCard key={sp.id.clone()} speaker={sp.clone()} index={i} {statements}
                        current={p.current.clone()} lang={p.lang} onselect={p.onselect.clone()} /> }
                })
                .collect();
            let unknown = grouped.1.clone();
            if !unknown.is_empty() && p.filter.trim().is_empty() && limit >= listed.len() {
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
        <section {class} data-speaker={sp.name.clone()} aria-labelledby={title_id.clone()}>
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
            <StatementList statements={p.statements.clone()} current={p.current.clone()} lang={p.lang} onselect={p.onselect.clone()} />
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
        <section class="pz-card sp-none" data-unknown="" aria-label={t.unknown_speaker}>
            <header class="pz-card-head">
                <span class="pz-swatch" aria-hidden="true"></span>
                <h3 class="pz-name">{t.unknown_speaker}</h3>
                <span class="pz-count">{t.statements_count(p.statements.len())}</span>
            </header>
            <StatementList statements={p.statements.clone()} current={p.current.clone()} lang={p.lang} onselect={p.onselect.clone()} />
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
    /// A statement was clicked.
    pub onselect: Callback<String>,
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
    html! {
        <>
        <ol class="pz-stmts">
            { for p.statements.iter().take(limit).map(|st| {
                let is_current = p.current.as_ref() == Some(&st.id);
                let id = st.id.clone();
                let onselect = p.onselect.clone();
                let onclick = Callback::from(move |_: MouseEvent| onselect.emit(id.clone()));
                let direct = st.kind == "direct";
                let label = if direct { t.direct } else { t.indirect };
                html! {
                    <li>
                        <button type="button" class={classes!("pz-stmt", st.kind.clone(), is_current.then_some("current"))}
                            data-statement={st.id.clone()} aria-current={is_current.then_some("true")} {onclick}>
                            <span class="pz-stmt-kind">{label}</span>
                            if direct {
                                <q class="pz-words">{st.text.clone()}</q>
                            } else {
                                if let Some(c) = st.cue.as_ref() { <span class="pz-cue">{format!("{}：", c.text)}</span> }
                                <span class="pz-words">{st.text.clone()}</span>
                            }
                        </button>
                    </li>
                }
            }) }
        </ol>
        if more > 0 {
            <button type="button" class="pz-btn pz-more" onclick={show_all}>{format!("{} (+{more})", t.show_all)}</button>
        }
        </>
    }
}
