//! The draft in localStorage. Every failure (private mode, quota, disabled
//! storage, sandboxed iframe) is reported as `false`/`None`, never a panic.

/// localStorage, if this context has one.
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved draft under `key`.
pub fn load(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Saves `text` under `key`; false when the browser refused (quota, disabled).
pub fn save(key: &str, text: &str) -> bool {
    match local() {
        Some(s) => s.set_item(key, text).is_ok(),
        None => false,
    }
}
