//! The read-only who-said-what panel that `HighlightHandle.showPanel` puts
//! beside a highlighted article: the widget without its paste area, in the
//! shadow root of a `<pizhu-panel>` host (a custom tag, so host rules like
//! `div { … }` do not match it). Docked: right after the article;
//! floating: fixed at the viewport's right edge (rules in highlight/style.rs).
//! Clicking a statement in the panel calls `on_statement` with its id, so
//! the highlighter can scroll the page's article to it.

use crate::web::app::{self, Lang, PanelPosition, WidgetConfig, WidgetHandle};
use crate::web::shadow;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event};

/// The article is already on the page, highlighted: hide the widget's copy
/// of it, its keyboard hint and its legend (whose toggles act on that copy),
/// and let the panel take the full width.
const PANEL_CSS: &str = r#"
.pz-main > article, .pz-hint, .pz-legend { display: none !important; }
.pz-main { display: block !important; }
:host { background: #fff; padding: .75rem 1rem; border: 1px solid #d8dee4; border-radius: 8px; }
"#;

/// A shown panel.
pub struct Panel {
    host: Element,
    widget: Option<WidgetHandle>,
    /// The click listener on the shadow root (kept alive while shown).
    on_click: Closure<dyn Fn(Event)>,
}

impl Panel {
    /// Shows the panel for `text` next to `article`.
    pub fn show(
        doc: &Document,
        article: &Element,
        position: &str,
        lang: &str,
        text: &str,
        on_statement: Box<dyn Fn(&str)>,
    ) -> Result<Panel, JsValue> {
        let host = doc.create_element("pizhu-panel")?;
        host.set_attribute("data-position", position)?;
        host.set_attribute("role", "complementary")?;
        host.set_attribute("aria-label", if Lang::parse(lang) == Lang::En { "Who said what" } else { "谁说了什么" })?;
        if position == "docked" {
            // A sibling, so the article's own innerHTML stays untouched.
            article.after_with_node_1(&host)?;
        } else {
            doc.body().ok_or_else(|| JsValue::from_str("no <body>"))?.append_child(&host)?;
        }
        let point = shadow::mount_point(&host, Some(PANEL_CSS))?;
        let on_click = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
            let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            if let Ok(Some(button)) = target.closest("[data-statement]") {
                if let Some(id) = button.get_attribute("data-statement") {
                    on_statement(&id);
                }
            }
        });
        if let Some(root) = host.shadow_root() {
            root.add_event_listener_with_callback(
                "click",
                on_click.as_ref().unchecked_ref(),
            )?;
        }
        let config = WidgetConfig {
            text: Some(text.to_string()),
            lang: Lang::parse(lang),
            panel: PanelPosition::Below,
            show_input: false,
            ..WidgetConfig::default()
        };
        let widget = app::mount(point, config);
        Ok(Panel { host, widget: Some(widget), on_click })
    }

    /// Keeps the panel working for the rest of the page's life: its click
    /// listener and widget are leaked on purpose. For a handle the page
    /// dropped without `dispose()` (the JS garbage collector frees it).
    pub fn leak(mut self) {
        if let Some(w) = self.widget.take() {
            std::mem::forget(w);
        }
        let Panel { on_click, .. } = self;
        on_click.forget();
    }

    /// Unmounts the widget and removes the host element.
    pub fn remove(mut self) {
        if let Some(root) = self.host.shadow_root() {
            let _ = root.remove_event_listener_with_callback("click", self.on_click.as_ref().unchecked_ref());
        }
        if let Some(w) = self.widget.take() {
            w.destroy();
        }
        self.host.remove();
    }
}
