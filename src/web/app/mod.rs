//! The yew widget (issue #4): paste area, annotated article, "谁说了什么"
//! panel, summary and export. Embedders (the `<pizhu-annotator>` element,
//! the standalone page) only call [`mount`]; everything else is internal.

mod annotate;
mod app;
mod crash;
pub mod article;
mod export;
mod input;
mod long_input;
pub mod legend;
pub mod panel;
pub mod spans;
pub mod state;
mod storage;
pub mod summary;
mod tree;
mod worker;

use crate::contract::Annotation;
use std::rc::Rc;
use yew::{AppHandle, Callback, Renderer};

pub use crate::web::i18n::Lang;
pub use app::{App, AppProps};

/// All widget CSS. The custom element adopts it as a constructable stylesheet
/// in its shadow root; the widget itself never writes `style` attributes, so
/// a strict CSP (`style-src 'self'`) holds.
pub const STYLE: &str = include_str!("../style.css");

/// The built-in fictional sample article (shown on first load of the standalone page).
pub const SAMPLE_ARTICLE: &str = include_str!("../sample_article.txt");

/// Inputs longer than this many UTF-16 units are not annotated: the widget
/// keeps the text and says why. 2,000,000 units ≈ 4 MB, far beyond any
/// article, and keeps the worker's memory bounded.
pub const MAX_INPUT_UTF16: usize = 2_000_000;

/// Where the "who said what" panel goes relative to the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanelPosition {
    /// Beside the article on wide screens (stacks below it under 800px).
    #[default]
    Side,
    /// Always below the article.
    Below,
}

impl PanelPosition {
    /// Parses an attribute value: `"below"` → `Below`, anything else → `Side`.
    pub fn parse(s: &str) -> Self {
        if s.trim().eq_ignore_ascii_case("below") {
            PanelPosition::Below
        } else {
            PanelPosition::Side
        }
    }
}

/// Everything an embedder can set. Changing it later goes through
/// [`WidgetHandle::update`]; the widget keeps its draft and state where the
/// new config allows.
#[derive(Clone, PartialEq, Default)]
pub struct WidgetConfig {
    /// Text to show and annotate at mount (or when it changes in an update).
    /// `None` with `storage_key` set restores the saved draft, else the sample.
    pub text: Option<String>,
    /// UI language (zh default, en).
    pub lang: Lang,
    /// Entity/statement kinds shown initially (`organization`, `person`,
    /// `position`, `figure`, `work`, `term`, `statement`); `None` = all.
    pub kinds: Option<Vec<String>>,
    /// Panel placement.
    pub panel: PanelPosition,
    /// `Some(key)` persists the draft in localStorage under `key` and restores
    /// it on reload (standalone page); `None` keeps nothing (embeds, default).
    pub storage_key: Option<String>,
    /// Shows the paste area and its buttons; false for a read-only view of `text`.
    pub show_input: bool,
    /// Called with every new annotation (the element re-fires it as the
    /// `pizhu:annotated` CustomEvent).
    pub on_annotated: Option<Callback<AnnotatedEvent>>,
    /// URL of the module worker script that annotates off the main thread.
    /// `None` = `pizhu-worker.js` next to `pizhu.js`. If the worker cannot
    /// start (CSP `worker-src`, missing file) the widget annotates on the main
    /// thread instead.
    pub worker_url: Option<String>,
}

/// A new annotation as handed to [`WidgetConfig::on_annotated`].
#[derive(Clone)]
pub struct AnnotatedEvent {
    /// The annotation.
    pub ann: Rc<Annotation>,
    /// The same annotation as annotation JSON v1, when the worker made it: a
    /// JS string the event can hand on without serializing again.
    pub json: Option<wasm_bindgen::JsValue>,
}

/// A mounted widget. Dropping it leaves the widget running (so a handle may
/// be forgotten safely); call [`WidgetHandle::destroy`] to unmount.
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
    root: web_sys::Element,
}

impl WidgetHandle {
    /// Applies a new config (attributes changed). The draft and the current
    /// annotation are kept unless `config.text` changed.
    pub fn update(&mut self, config: WidgetConfig) {
        if let Some(app) = self.app.as_mut() {
            app.update(AppProps { config });
        }
    }

    /// Unmounts the widget and clears `root`'s content.
    pub fn destroy(mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        crash::unwatch(&self.root);
    }
}

/// Mounts the widget into `root` (an element in the light DOM or inside a
/// shadow root; the caller adds [`STYLE`] to that document or shadow root).
pub fn mount(root: web_sys::Element, config: WidgetConfig) -> WidgetHandle {
    crash::watch(&root);
    let app = Renderer::<App>::with_root_and_props(root.clone(), AppProps { config }).render();
    WidgetHandle { app: Some(app), root }
}

/// Dev-only mount for `dev.html` until `<pizhu-annotator>` lands: mounts the
/// widget into `root` with the standalone page's settings and adds [`STYLE`]
/// as a `<style>` element (dev pages have no CSP).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = __pizhuDevMount)]
pub fn dev_mount(root: web_sys::Element) {
    if let Some(doc) = root.owner_document() {
        if let (Ok(style), Some(head)) = (doc.create_element("style"), doc.head()) {
            style.set_text_content(Some(STYLE));
            let _ = head.append_child(&style);
        }
    }
    let handle = mount(
        root,
        WidgetConfig { storage_key: Some("pizhu-dev-draft".into()), show_input: true, ..Default::default() },
    );
    std::mem::forget(handle);
}
