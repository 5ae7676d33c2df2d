//! The paste area and its buttons. Typing only dispatches an edit; the app
//! debounces annotation, so keystrokes never wait for the engine.

use crate::web::i18n::Lang;
use yew::prelude::*;

/// Props of [`Input`].
#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// The draft.
    pub draft: String,
    /// Annotation running.
    pub busy: bool,
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
    let n = p.draft.chars().count();
    html! {
        <section class="pz-input">
            <label class="pz-label" for="pz-text">{t.input_label}</label>
            <textarea id="pz-text" class="pz-textarea" data-pizhu-input="" rows="8" spellcheck="false"
                placeholder={t.input_placeholder} value={p.draft.clone()} {oninput} />
            <div class="pz-row">
                <button type="button" class="pz-btn" onclick={click(&p.onpaste)}>{t.paste}</button>
                <button type="button" class="pz-btn" onclick={click(&p.onclear)}>{t.clear}</button>
                <button type="button" class="pz-btn" onclick={click(&p.onsample)}>{t.sample}</button>
                <span class="pz-status" role="status" aria-live="polite">
                    {format!("{n} {}", t.chars)}
                    if p.busy { <span class="pz-busy">{" · "}{t.analyzing}<span class="pz-spinner" aria-hidden="true"></span></span> }
                </span>
            </div>
        </section>
    }
}
