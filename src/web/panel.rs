//! The read-only who-said-what panel that `HighlightHandle.showPanel` puts
//! beside a highlighted article: the widget without its paste area, in the
//! shadow root of a `<pizhu-panel>` host (a custom tag, so host rules like
//! `div { … }` do not match it). Docked: right after the article;
//! floating: fixed at the viewport's right edge (rules in highlight/style.rs).

use crate::contract::Annotation;
use crate::web::app::{self, Lang, PanelPosition, WidgetConfig, WidgetHandle};
use crate::web::shadow;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// The article is already on the page, highlighted: hide the widget's copy
/// of it and its keyboard hint, and let the panel take the full width.
const PANEL_CSS: &str = r#"
.pz-main > article, .pz-hint { display: none !important; }
.pz-main { display: block !important; }
:host { background: #fff; padding: .75rem 1rem; border: 1px solid #d8dee4; border-radius: 8px; }
"#;

/// A shown panel.
pub struct Panel {
    host: Element,
    widget: Option<WidgetHandle>,
}

impl Panel {
    /// Shows the panel for `text` next to `article`.
    pub fn show(
        doc: &Document,
        article: &Element,
        position: &str,
        lang: &str,
        text: &str,
        _annotation: &Annotation,
    ) -> Result<Panel, JsValue> {
        let host = doc.create_element("pizhu-panel")?;
        host.set_attribute("data-position", position)?;
        host.set_attribute("role", "complementary")?;
        if position == "docked" {
            // A sibling, so the article's own innerHTML stays untouched.
            article.after_with_node_1(&host)?;
        } else {
            doc.body().ok_or_else(|| JsValue::from_str("no <body>"))?.append_child(&host)?;
        }
        let point = shadow::mount_point(&host, Some(PANEL_CSS))?;
        let config = WidgetConfig {
            text: Some(text.to_string()),
            lang: Lang::parse(lang),
            panel: PanelPosition::Below,
            show_input: false,
            ..WidgetConfig::default()
        };
        let widget = app::mount(point, config);
        Ok(Panel { host, widget: Some(widget) })
    }

    /// Unmounts the widget and removes the host element.
    pub fn remove(mut self) {
        if let Some(w) = self.widget.take() {
            w.destroy();
        }
        self.host.remove();
    }
}
