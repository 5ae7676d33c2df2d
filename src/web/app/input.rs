//! The paste area and its buttons. Typing only dispatches an edit; the app
//! debounces annotation, so keystrokes never wait for the engine. Short
//! drafts are edited in a `<textarea>`, long ones in [`LongInput`] (a paste
//! that makes the draft long is taken over before the textarea gets it).

use super::long_input::{take_long_paste, LongInput, LONG_INPUT_CHARS};
use crate::web::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Input`].
#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// The draft.
    pub draft: Rc<str>,
    /// Annotation running.
    pub busy: bool,
    /// How much of it is done (0–1), for long texts.
    pub progress: Option<f32>,
    /// UI language.
    pub lang: Lang,
    /// The text changed.
    pub onedit: Callback<String>,
    /// "Paste from clipboard".
    pub onpaste: Callback<()>,
    /// "Clear".
    pub onclear: Callback<()>,
    /// "Load sample".
    pub onsample: Callback<()>,
}

/// The input section.
#[function_component(Input)]
pub fn input(p: &InputProps) -> Html {
    let t = p.lang.t();
    let oninput = {
        let onedit = p.onedit.clone();
        Callback::from(move |e: InputEvent| {
            onedit.emit(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value());
        })
    };
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let onpaste = {
        let onedit = p.onedit.clone();
        Callback::from(move |e: Event| {
            let ta = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>();
            if let Some(text) = take_long_paste(&ta, &e, LONG_INPUT_CHARS) {
                onedit.emit(text);
            }
        })
    };
    let n = p.draft.chars().count();
    // Long from LONG_INPUT_CHARS on; short again only when the draft is set
    // from outside (clear, sample, restore) well below it, so the element
    // under the caret is never swapped while someone edits.
    let long = use_mut_ref(|| false);
    let textarea = use_node_ref();
    // The editor's own last text: while the draft is that, the user is
    // editing in it, however short it got (select all, type): it stays.
    let from_editor = use_mut_ref(|| None::<String>);
    let onedit_long = {
        let (onedit, from_editor) = (p.onedit.clone(), from_editor.clone());
        Callback::from(move |text: String| {
            *from_editor.borrow_mut() = Some(text.clone());
            onedit.emit(text);
        })
    };
    let (is_long, autofocus) = {
        let mut long = long.borrow_mut();
        let was = *long;
        let editing = was && from_editor.borrow().as_deref() == Some(&*p.draft);
        *long = if was { editing || n >= LONG_INPUT_CHARS / 4 } else { n > LONG_INPUT_CHARS };
        // The editor replaces a textarea that has the focus (a long paste into
        // it): the editor takes the focus over, so typing goes on.
        let focused = !was && *long && textarea.cast::<web_sys::Element>().is_some_and(|ta| has_focus(&ta));
        (*long, focused)
    };
    html! {
        <section class="pz-input">
            <label class="pz-label" id="pz-label" for="pz-text">{t.input_label}</label>
            if is_long {
                <LongInput draft={p.draft.clone()} labelled_by="pz-label" onedit={onedit_long} {autofocus} />
            } else {
                <textarea ref={textarea} id="pz-text" class="pz-textarea" data-pizhu-input="" rows="8" spellcheck="false"
                    placeholder={t.input_placeholder} value={AttrValue::Rc(p.draft.clone())} {oninput} {onpaste} />
            }
            <div class="pz-row">
                <button type="button" class="pz-btn" onclick={click(&p.onpaste)}>{t.paste}</button>
                <button type="button" class="pz-btn" onclick={click(&p.onclear)}>{t.clear}</button>
                <button type="button" class="pz-btn" onclick={click(&p.onsample)}>{t.sample}</button>
                <span class="pz-status" role="status" aria-live="polite">
                    {format!("{n} {}", t.chars)}
                    if p.busy {
                        <span class="pz-busy">{" · "}{t.analyzing}
                            if let Some(done) = p.progress {
                                // The number is not read out at every percent (the
                                // status is a live region); the bar carries the value.
                                <span class="pz-percent" aria-hidden="true">{format!(" {}%", (done * 100.0) as u32)}</span>
                                <progress class="pz-progress" max="100" value={((done * 100.0) as u32).to_string()}
                                    aria-label={t.analyzing}></progress>
                            } else {
                                <span class="pz-spinner" aria-hidden="true"></span>
                            }
                        </span>
                    }
                </span>
            </div>
        </section>
    }
}

/// True if `el` is the focused element of its tree (document or shadow root).
fn has_focus(el: &web_sys::Element) -> bool {
    use wasm_bindgen::JsCast;
    let root = el.get_root_node();
    let active = if let Some(sr) = root.dyn_ref::<web_sys::ShadowRoot>() {
        sr.active_element()
    } else {
        root.dyn_ref::<web_sys::Document>().and_then(|d| d.active_element())
    };
    active.is_some_and(|a| &a == el)
}
