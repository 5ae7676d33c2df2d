//! The annotated article: one memoized component per paragraph, so selecting
//! a statement re-renders two paragraphs, not two hundred. Hiding a kind is a
//! class on the root (CSS), not a re-render. Text goes out only as text nodes.

use super::annotate::LONG_TEXT_BYTES;
use super::dom;
use super::spans::Para;
use super::state::{Annotated, Shared};
use crate::web::i18n::Lang;
use crate::web::perf;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Paragraphs rendered per task (≈ 5–15 ms each in Chromium; 40 made
/// tasks of 50–60 ms on this shared 2-core machine under load).
const BATCH: usize = 20;

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
    // again at BATCH (never renders everything in one task).
    // A short text (annotated on the main thread, in one task anyway)
    // renders whole: its paragraphs are one call each to build, and
    // off-screen ones skip layout (content-visibility), so a second batch
    // was one more task and frame before the article was complete.
    let key = p.annotated.as_ref().map_or(0, |a| Rc::as_ptr(&a.0) as usize);
    let shown = use_state_eq(|| (key, BATCH));
    let total = p.annotated.as_ref().map_or(0, |a| a.paras.len());
    let whole = p.annotated.as_ref().is_some_and(|a| a.text.len() <= LONG_TEXT_BYTES);
    let count = match &p.annotated {
        _ if whole => total,
        _ if shown.0 == key => shown.1,
        // A new annotation: keep what is shown if few of those paragraphs changed.
        Some(a) if a.fresh_in(shown.1) <= BATCH => shown.1.max(BATCH),
        _ => BATCH,
    };
    // A new annotation that changes most of the many paragraphs shown gets
    // a new paragraph container: yew then drops the old one with one DOM
    // removal instead of one per paragraph (2,000 removals were a 30 ms
    // part of the render after pasting a long article).
    // `epoch` = (annotation, container number, paragraphs it shows).
    let epoch = use_mut_ref(|| (key, 0u32, 0usize));
    {
        let mut e = epoch.borrow_mut();
        if e.0 != key {
            let most_change = p.annotated.as_ref().map_or(true, |a| a.paras.is_empty() || a.fresh_in(e.2) > BATCH);
            if e.2 > BATCH && most_change {
                e.1 += 1;
            }
            e.0 = key;
        }
    }
    let epoch_n = epoch.borrow().1;
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
    epoch.borrow_mut().2 = visible;
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
            <div class="pz-paras" key={epoch_n.to_string()}>{ body }</div>
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

/// One paragraph: its element is built in one call from a compact
/// description ([`super::dom`]) and handed to yew as a ready node, once per
/// tree and language; yew only places it. The selection is then set on that
/// element in place (the focused statement stays in the DOM).
#[function_component(Paragraph)]
pub fn paragraph(p: &ParagraphProps) -> Html {
    let el = use_memo((p.para.clone(), p.lang), |(para, lang)| dom::para(para, lang.t()));
    let shown = use_mut_ref(|| None);
    dom::current(&shown, &el, p.current.as_deref());
    Html::VRef((*el).clone().into())
}

/// Renders a whole tree for tests: the paragraph element for `para`.
pub fn render_para(para: &Rc<Para>, current: Option<String>, lang: Lang) -> Html {
    html! { <Paragraph para={Shared(para.clone())} {current} {lang} /> }
}
