//! Last line of defence: if anything panics, the widget says so in its own
//! box instead of silently freezing (a wasm panic cannot be caught and the
//! instance is dead afterwards), and the console gets the full message.

use std::cell::RefCell;

thread_local! {
    /// Roots of mounted widgets, to show the message in each.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Remembers `root` and installs the panic hook (once per module instance).
pub fn watch(root: &web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show();
        }));
    });
}

/// Forgets `root` (the widget was destroyed).
pub fn unwatch(root: &web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().retain(|e| e != root));
}

/// Appends a visible message (as text) to every mounted widget.
fn show() {
    let _ = ROOTS.try_with(|r| {
        let Ok(roots) = r.try_borrow() else { return };
        for root in roots.iter() {
            let Some(doc) = root.owner_document() else { continue };
            let Ok(p) = doc.create_element("p") else { continue };
            p.set_class_name("pz-crash");
            p.set_attribute("role", "alert").ok();
            p.set_text_content(Some(
                "批注出错：请先复制文本，再刷新页面。pizhu hit an internal error: copy your text, then reload.",
            ));
            let _ = root.append_child(&p);
        }
    });
}
