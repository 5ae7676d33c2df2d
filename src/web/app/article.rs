//! The annotated article: one memoized component per paragraph, so selecting
//! a statement re-renders two paragraphs, not two hundred. Hiding a kind is a
//! class on the root (CSS), not a re-render. Text goes out only as text nodes.

use super::spans::{MarkInfo, Node, Para};
use super::state::{Annotated, Shared};
use crate::web::i18n::{Lang, Texts};
use crate::web::perf;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Paragraphs rendered per task (≈ 5–15 ms each in Chromium; 40 made
/// tasks of 50–60 ms on this shared 2-core machine under load).
const BATCH: usize = 20;

/// Characters of text in an annotation's first render: about a tall
/// screen of the article (five paragraphs fill 1280×720 here), so the first
/// frame lays out what is seen and the rest follows one batch a task.
const FIRST_CHARS: usize = 1500;

/// Paragraphs in the first render of `paras`: whole paragraphs up to
/// [`FIRST_CHARS`] characters, at least one, at most [`BATCH`].
pub fn first_batch(paras: &[Rc<Para>]) -> usize {
    let mut chars = 0;
    let mut n = 0;
    for para in paras.iter().take(BATCH) {
        if n > 0 && chars + para.chars() > FIRST_CHARS {
            break;
        }
        chars += para.chars();
        n += 1;
    }
    n.max(1)
}

/// Props of [`Article`].
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// What to show; `None` before the first result.
    pub annotated: Option<Shared<Annotated>>,
    /// Kinds switched off.
    pub hidden: BTreeSet<&'static str>,
    /// The selected statement.
    pub current: Option<String>,
    /// UI language.
    pub lang: Lang,
    /// A statement in the text was clicked or Enter'ed.
    pub onselect: Callback<String>,
    /// The article element (the app scrolls inside it).
    pub node_ref: NodeRef,
}

/// The article with its highlights.
#[function_component(Article)]
pub fn article(p: &ArticleProps) -> Html {
    let t = p.lang.t();
    let mut class = classes!("pz-article");
    for k in &p.hidden {
        class.push(format!("hide-{k}"));
    }
    // One delegated handler instead of one closure per highlight.
    let pick = {
        let onselect = p.onselect.clone();
        move |target: Option<web_sys::EventTarget>| -> bool {
            use wasm_bindgen::JsCast;
            let el = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let st = el.and_then(|e| e.closest("[data-kind=statement]").ok().flatten());
            match st.and_then(|e| e.get_attribute("data-statement")) {
                Some(id) => {
                    onselect.emit(id);
                    true
                }
                None => false,
            }
        }
    };
    let onclick = {
        let pick = pick.clone();
        Callback::from(move |e: MouseEvent| {
            pick(e.target());
        })
    };
    // The focused highlight's tooltip, shown as text for keyboard users.
    let tip = use_state_eq(|| None::<String>);
    let onfocusin = {
        let tip = tip.clone();
        Callback::from(move |e: FocusEvent| {
            use wasm_bindgen::JsCast;
            let el = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            tip.set(el.and_then(|el| el.get_attribute("title")));
        })
    };
    let onfocusout = {
        let tip = tip.clone();
        Callback::from(move |_: FocusEvent| tip.set(None))
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" && pick(e.target()) {
            e.prevent_default();
        }
    });
    // Long articles render in batches of BATCH paragraphs, one task each, so
    // no single task blocks the page; the selected statement is always rendered.
    // `shown` is tied to the annotation it counts for: a new annotation keeps
    // the count only if at most BATCH of those paragraphs changed, else starts
    // again at the first batch (never renders everything in one task).
    let key = p.annotated.as_ref().map_or(0, |a| Rc::as_ptr(&a.0) as usize);
    let first = p.annotated.as_ref().map_or(BATCH, |a| first_batch(&a.paras));
    let shown = use_state_eq(|| (key, first));
    let total = p.annotated.as_ref().map_or(0, |a| a.paras.len());
    let count = match &p.annotated {
        _ if shown.0 == key => shown.1,
        // A new annotation: keep what is shown if few of those paragraphs changed.
        Some(a) if a.fresh_in(shown.1) <= BATCH => shown.1.max(first),
        _ => first,
    };
    // A new annotation that starts again from one batch while many
    // paragraphs are shown gets a new paragraph container: yew then drops
    // the old one with one DOM removal instead of one per paragraph (2,000
    // removals were a 30 ms part of the render after pasting a long article).
    let epoch = use_mut_ref(|| (key, 0u32));
    {
        let mut e = epoch.borrow_mut();
        if e.0 != key {
            if shown.0 != key && count == first && shown.1 > BATCH {
                e.1 += 1;
            }
            e.0 = key;
        }
    }
    let epoch = epoch.borrow().1;
    {
        let shown = shown.clone();
        // When the batch now shown was asked for (for the `pizhu:batch` measure).
        let asked = use_mut_ref(|| None::<f64>);
        use_effect_with((key, count, total), move |&(key, n, total)| {
            if let Some(start) = asked.borrow_mut().take() {
                perf::measure("pizhu:batch", start);
            }
            if n < total {
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    *asked.borrow_mut() = Some(perf::now());
                    shown.set((key, n + BATCH));
                });
            }
        });
    }
    let need = match (&p.annotated, &p.current) {
        (Some(a), Some(c)) => a.paras.iter().position(|para| para.statements.contains(c)).map_or(0, |i| i + 1),
        _ => 0,
    };
    let visible = count.max(need);
    let body = match &p.annotated {
        Some(a) if !a.paras.is_empty() => a
            .paras
            .iter()
            .take(visible)
            .map(|para| {
                let current = p.current.clone().filter(|c| para.statements.contains(c));
                html! { <Paragraph key={para.index} para={Shared(para.clone())} {current} lang={p.lang} /> }
            })
            .collect::<Html>(),
        _ => html! { <p class="pz-empty">{t.empty_article}</p> },
    };
    html! {
        <article class={class} ref={p.node_ref.clone()} aria-label={t.article} tabindex="0" {onclick} {onkeydown}
            {onfocusin} {onfocusout}>
            <div class="pz-paras" key={epoch.to_string()}>{ body }</div>
            if let Some(text) = (*tip).clone() { <p class="pz-tip" aria-hidden="true">{text}</p> }
        </article>
    }
}

/// Props of [`Paragraph`].
#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    /// The paragraph tree.
    pub para: Shared<Para>,
    /// The selected statement if it starts in this paragraph.
    pub current: Option<String>,
    /// UI language (tooltips).
    pub lang: Lang,
}

/// One paragraph.
#[function_component(Paragraph)]
pub fn paragraph(p: &ParagraphProps) -> Html {
    let t = p.lang.t();
    html! { <p class="pz-para">{ for p.para.nodes.iter().map(|n| render(n, p.current.as_deref(), t)) }</p> }
}

/// The tooltip: kind · speaker · role, or kind · subkind.
fn tooltip(info: &MarkInfo, t: &Texts) -> String {
    let mut parts = vec![t.kind(info.kind).to_string()];
    if info.kind == "statement" {
        parts.push(match info.subkind.as_deref() {
            Some("direct") => t.direct.to_string(),
            _ => t.indirect.to_string(),
        });
        parts.push(info.speaker.clone().unwrap_or_else(|| t.unknown_speaker.to_string()));
        parts.extend(info.role.clone());
    } else if let Some(s) = &info.subkind {
        parts.push(s.clone());
    }
    parts.join(" · ")
}

/// Renders one node; strings become text nodes (never parsed as HTML).
pub fn render(node: &Node, current: Option<&str>, t: &Texts) -> Html {
    match node {
        Node::Text(s) => html! { {s.clone()} },
        Node::Mark(info, children) => {
            let kids: Html = children.iter().map(|c| render(c, current, t)).collect();
            let title = tooltip(info, t);
            if info.kind == "statement" {
                let is_current = current.is_some() && info.statement.as_deref() == current;
                let class = classes!(
                    "pz-st",
                    info.speaker_index.map_or("sp-none".to_string(), |i| format!("sp-{}", i % 10)),
                    info.subkind.clone(),
                    is_current.then_some("current"),
                );
                html! {
                    <span {class} data-kind="statement" data-speaker={info.speaker.clone()}
                        data-statement={info.statement.clone()} tabindex="0" {title}
                        aria-current={is_current.then_some("true")}>{kids}</span>
                }
            } else {
                let class = classes!("pz-hl", format!("k-{}", info.kind));
                html! { <mark {class} data-kind={info.kind} {title}>{kids}</mark> }
            }
        }
    }
}

/// Renders a whole tree for tests: the paragraph element for `para`.
pub fn render_para(para: &Rc<Para>, current: Option<String>, lang: Lang) -> Html {
    html! { <Paragraph para={Shared(para.clone())} {current} {lang} /> }
}
