//! The paste area for long drafts: `editor.js` (blocks of lines in a
//! contenteditable element, laid out block by block) wrapped as a yew
//! component. Drafts up to [`LONG_INPUT_CHARS`] use a plain `<textarea>`.
//!
//! The editor is uncontrolled: yew renders its empty element once, the
//! editor owns the content. Typing reports the whole text back
//! ([`LongInputProps::onedit`]); a draft changed from outside (restored,
//! cleared, sample, config) is pushed into it. Its own changes are not
//! pushed back (they are already shown, and the caret stays put).

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Drafts longer than this many characters (UTF-16 units) are edited in the
/// long editor: a `<textarea>` re-lays out all its text on every change
/// (≈ 1 ms per 1,000 characters here), the editor only the changed block.
pub const LONG_INPUT_CHARS: usize = 20_000;

#[wasm_bindgen(module = "/src/web/app/editor.js")]
extern "C" {
    /// The editor's handle.
    pub type EditorHandle;
    #[wasm_bindgen(js_name = createEditor)]
    fn create_editor(root: &web_sys::Element, on_change: &js_sys::Function) -> EditorHandle;
    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &EditorHandle, text: &str);
    #[wasm_bindgen(method, js_name = focusEnd)]
    fn focus_end(this: &EditorHandle);
    #[wasm_bindgen(method)]
    fn destroy(this: &EditorHandle);
    /// See `takeLongPaste` in editor.js.
    #[wasm_bindgen(js_name = takeLongPaste)]
    pub fn take_long_paste(ta: &web_sys::HtmlTextAreaElement, event: &web_sys::Event, limit: usize) -> Option<String>;
}

/// Props of [`LongInput`].
#[derive(Properties, PartialEq)]
pub struct LongInputProps {
    /// The draft.
    pub draft: Rc<str>,
    /// Id of the element that labels the editor.
    pub labelled_by: AttrValue,
    /// The user changed the text (the whole new text).
    pub onedit: Callback<String>,
    /// Take the focus when mounted (it replaces the focused textarea).
    #[prop_or_default]
    pub autofocus: bool,
}

/// The editor, its change listener and the last text it reported.
struct Mounted {
    handle: EditorHandle,
    _on_change: Closure<dyn FnMut(String)>,
}

/// The long-draft editor.
#[function_component(LongInput)]
pub fn long_input(p: &LongInputProps) -> Html {
    let node = use_node_ref();
    let mounted = use_mut_ref(|| None::<Mounted>);
    // The text the editor last reported: that draft is already shown.
    let reported = use_mut_ref(|| None::<String>);
    // The current callback, read by the editor's listener.
    let onedit = use_mut_ref(|| p.onedit.clone());
    *onedit.borrow_mut() = p.onedit.clone();
    {
        let (node, mounted, reported, onedit) = (node.clone(), mounted.clone(), reported.clone(), onedit.clone());
        use_effect_with((), move |_| {
            if let Some(root) = node.cast::<web_sys::Element>() {
                let on_change = Closure::<dyn FnMut(String)>::new(move |text: String| {
                    *reported.borrow_mut() = Some(text.clone());
                    let cb = onedit.borrow().clone();
                    cb.emit(text);
                });
                let handle = create_editor(&root, on_change.as_ref().unchecked_ref());
                *mounted.borrow_mut() = Some(Mounted { handle, _on_change: on_change });
            }
            move || {
                if let Some(m) = mounted.borrow_mut().take() {
                    m.handle.destroy();
                }
            }
        });
    }
    {
        let (mounted, reported): (Rc<RefCell<Option<Mounted>>>, _) = (mounted.clone(), reported.clone());
        let autofocus = use_mut_ref(|| p.autofocus);
        use_effect_with(p.draft.clone(), move |draft| {
            if reported.borrow().as_deref() != Some(&**draft) {
                if let Some(m) = mounted.borrow().as_ref() {
                    m.handle.set_text(draft);
                }
                *reported.borrow_mut() = Some(draft.to_string());
            }
            // Only on mount: the caret then goes where the paste ended.
            if std::mem::take(&mut *autofocus.borrow_mut()) {
                if let Some(m) = mounted.borrow().as_ref() {
                    m.handle.focus_end();
                }
            }
        });
    }
    html! {
        <div ref={node} id="pz-text" class="pz-editor" data-pizhu-input="" contenteditable="plaintext-only"
            spellcheck="false" role="textbox" aria-multiline="true" aria-labelledby={p.labelled_by.clone()} />
    }
}
