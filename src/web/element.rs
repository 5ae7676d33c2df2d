//! `<pizhu-annotator>`: the full widget in an open shadow root.
//!
//! Attributes: `text` (the article), `src` (URL to fetch the article from),
//! `kinds` (comma list), `panel` (`side` | `below`), `lang` (`zh` | `en`),
//! `editable` (shows the paste area), `storage-key` (keeps the draft in
//! localStorage). Without `text` and `src`, the element's own text content
//! is the article (one line per paragraph). Every change re-annotates. Each new annotation fires
//! `pizhu:annotated` (bubbles, composed) with the annotation as `detail`.
//!
//! The class shell is JS (`element.js`); its callbacks land here. Each
//! element gets a numeric id (property `__pizhuId`) keying its state, so
//! several elements on one page are independent.

use crate::web::app::{self, AnnotatedEvent, Lang, PanelPosition, WidgetConfig, WidgetHandle};
use crate::web::highlight::textmap::TextMap;
use crate::web::{options, perf, shadow};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::Callback;

/// The element's tag name.
pub const TAG: &str = "pizhu-annotator";

/// Attributes whose change re-configures the widget.
const OBSERVED: [&str; 7] = ["text", "src", "kinds", "panel", "lang", "editable", "storage-key"];

#[wasm_bindgen(module = "/src/web/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = definePizhuElement)]
    fn define_pizhu_element(name: &str, observed: js_sys::Array, hooks: &js_sys::Object) -> bool;
    #[wasm_bindgen(js_name = fireAnnotated)]
    fn fire_annotated(el: &HtmlElement, json: &JsValue);
}

/// One connected element's state.
struct Instance {
    /// The widget, once mounted (a task after the element connected).
    widget: Widget,
    /// The last config given to the widget (to skip no-op updates).
    config: WidgetConfig,
    /// The `src` the fetched text belongs to, and that text once loaded.
    src: Option<String>,
    fetched: Option<String>,
    /// The event re-firing callback, reused so configs compare equal.
    on_annotated: Callback<AnnotatedEvent>,
}

/// An element's widget: mounted, or waiting to be mounted into its shadow root.
enum Widget {
    Pending(web_sys::Element),
    Mounted(WidgetHandle),
}

impl Widget {
    /// Applies `config` (a pending widget mounts with the latest config anyway).
    fn update(&mut self, config: WidgetConfig) {
        if let Widget::Mounted(w) = self {
            w.update(config);
        }
    }
}

thread_local! {
    static INSTANCES: RefCell<HashMap<u32, Instance>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Registers `<pizhu-annotator>` (once; no-op outside a window, e.g. in the
/// widget's worker, which loads the same module).
pub fn register() {
    let Some(window) = web_sys::window() else { return };
    if js_sys::Reflect::get(&window, &"customElements".into()).map(|v| v.is_undefined()).unwrap_or(true) {
        return;
    }
    let hooks = js_sys::Object::new();
    let connected = Closure::<dyn Fn(HtmlElement)>::new(|el: HtmlElement| connected(&el));
    let disconnected = Closure::<dyn Fn(HtmlElement)>::new(|el: HtmlElement| disconnected(&el));
    let changed = Closure::<dyn Fn(HtmlElement, String)>::new(|el: HtmlElement, attr: String| changed(&el, &attr));
    // The closures live as long as the page: the element class keeps them.
    let _ = js_sys::Reflect::set(&hooks, &"connected".into(), connected.as_ref());
    let _ = js_sys::Reflect::set(&hooks, &"disconnected".into(), disconnected.as_ref());
    let _ = js_sys::Reflect::set(&hooks, &"changed".into(), changed.as_ref());
    connected.forget();
    disconnected.forget();
    changed.forget();
    let observed: js_sys::Array = OBSERVED.iter().map(|a| JsValue::from_str(a)).collect();
    define_pizhu_element(TAG, observed, &hooks);
}

/// The element's id, if it has one.
fn id_of(el: &HtmlElement) -> Option<u32> {
    js_sys::Reflect::get(el, &"__pizhuId".into()).ok()?.as_f64().map(|f| f as u32)
}

/// Mounts the widget when the element enters the document.
fn connected(el: &HtmlElement) {
    if let Some(id) = id_of(el) {
        if INSTANCES.with(|m| m.borrow().contains_key(&id)) {
            return;
        }
    }
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    let _ = js_sys::Reflect::set(el, &"__pizhuId".into(), &JsValue::from(id));
    let point = match shadow::mount_point(el, None) {
        Ok(p) => p,
        Err(e) => {
            web_sys::console::error_2(&"pizhu-annotator: cannot attach a shadow root".into(), &e);
            return;
        }
    };
    let src = attr(el, "src");
    let on_annotated = event_callback(el.clone());
    let config = config_of(el, None, &on_annotated);
    let widget = Widget::Pending(point);
    INSTANCES.with(|m| m.borrow_mut().insert(id, Instance { widget, config, src: None, fetched: None, on_annotated }));
    // The widget mounts (and renders, and for a short text annotates) in a
    // task of its own: not in the task that defined or connected the element,
    // which on a page's start also instantiated the module.
    let mount = Closure::once_into_js(move || mount_pending(id));
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback(mount.unchecked_ref());
    }
    if let Some(src) = src {
        start_fetch(el, id, src);
    }
}

/// Mounts element `id`'s widget if it is still connected and not mounted.
fn mount_pending(id: u32) {
    let Some(mut inst) = INSTANCES.with(|m| m.borrow_mut().remove(&id)) else { return };
    if let Widget::Pending(point) = &inst.widget {
        let start = perf::now();
        let handle = app::mount(point.clone(), inst.config.clone());
        perf::measure("pizhu:mount", start);
        inst.widget = Widget::Mounted(handle);
    }
    INSTANCES.with(|m| m.borrow_mut().insert(id, inst));
}

/// Unmounts the widget when the element leaves the document.
fn disconnected(el: &HtmlElement) {
    let Some(id) = id_of(el) else { return };
    if let Some(Instance { widget: Widget::Mounted(w), .. }) = INSTANCES.with(|m| m.borrow_mut().remove(&id)) {
        w.destroy();
    }
}

/// Re-configures after an attribute (or the element's content) changed.
fn changed(el: &HtmlElement, what: &str) {
    let Some(id) = id_of(el) else { return };
    // Take the instance out while the widget updates, so a re-entrant call
    // (an event listener changing attributes) cannot double-borrow the map.
    let Some(mut inst) = INSTANCES.with(|m| m.borrow_mut().remove(&id)) else { return };
    if what == "src" {
        inst.fetched = None;
        inst.src = None;
        if let Some(s) = attr(el, "src") {
            start_fetch(el, id, s);
        }
    }
    let config = config_of(el, inst.fetched.clone(), &inst.on_annotated);
    if config != inst.config {
        inst.widget.update(config.clone());
        inst.config = config;
    }
    INSTANCES.with(|m| m.borrow_mut().insert(id, inst));
}

/// Reads attribute `name`.
fn attr(el: &HtmlElement, name: &str) -> Option<String> {
    el.get_attribute(name)
}

/// The widget config the element's attributes and content describe.
/// `fetched` is the text loaded from `src`, if any.
fn config_of(el: &HtmlElement, fetched: Option<String>, on_annotated: &Callback<AnnotatedEvent>) -> WidgetConfig {
    let text = if let Some(t) = attr(el, "text") {
        Some(t)
    } else if attr(el, "src").is_some() {
        // Empty while loading, rather than the built-in sample.
        Some(fetched.unwrap_or_default())
    } else {
        // Read like an article given to highlight(): paragraphs (<p>, <br>)
        // become line breaks instead of running together.
        Some(TextMap::build(el).text.trim().to_string()).filter(|t| !t.is_empty())
    };
    let editable = attr(el, "editable").is_some_and(|v| v != "false");
    WidgetConfig {
        text,
        lang: attr(el, "lang").map(|l| Lang::parse(&l)).unwrap_or_default(),
        kinds: attr(el, "kinds").map(|k| options::parse_kind_list(&k)).filter(|k| !k.is_empty()),
        panel: attr(el, "panel").map(|p| PanelPosition::parse(&p)).unwrap_or_default(),
        storage_key: attr(el, "storage-key").filter(|k| !k.is_empty()),
        show_input: editable,
        on_annotated: Some(on_annotated.clone()),
        ..WidgetConfig::default()
    }
}

/// Re-fires every new annotation as `pizhu:annotated` on `el`, in a task of
/// its own (`setTimeout 0`): listeners never run inside the widget's render.
/// The detail is the annotation JSON string the worker sent, parsed by
/// `JSON.parse` only when a listener (or `el.annotation`) first reads it
/// (element.js): building a 14,000-entity object nobody reads cost ~1 s of
/// main thread per annotation of a 200,000-character article. An annotation
/// made on the main thread (short texts) is serialized only when first read,
/// or after the next frame: not in the way of the first paint.
fn event_callback(el: HtmlElement) -> Callback<AnnotatedEvent> {
    Callback::from(move |event: AnnotatedEvent| {
        let el = el.clone();
        let fire = Closure::once_into_js(move || {
            // Annotated on the main thread: the JSON is made when first
            // needed (element.js calls this exactly once: on the first read,
            // or after the next frame), not before the event.
            let json = match event.json {
                Some(j) => j,
                None => {
                    let ann = event.ann;
                    Closure::once_into_js(move || serde_json::to_string(&*ann).map_or(JsValue::NULL, |s| JsValue::from_str(&s)))
                }
            };
            fire_annotated(&el, &json);
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(fire.unchecked_ref());
        }
    })
}

/// Fetches `src` and hands the text to the widget, unless `src` changed meanwhile.
fn start_fetch(el: &HtmlElement, id: u32, src: String) {
    let el = el.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_text(&src).await;
        let text = match result {
            Ok(t) => t,
            Err(e) => {
                web_sys::console::error_2(&format!("pizhu-annotator: cannot load src {src:?}").into(), &e);
                let init = web_sys::CustomEventInit::new();
                init.set_bubbles(true);
                init.set_composed(true);
                init.set_detail(&JsValue::from_str(&format!("cannot load {src}")));
                if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("pizhu:error", &init) {
                    let _ = el.dispatch_event(&ev);
                }
                return;
            }
        };
        if attr(&el, "src").as_deref() != Some(src.as_str()) {
            return; // superseded by a newer src
        }
        let Some(mut inst) = INSTANCES.with(|m| m.borrow_mut().remove(&id)) else { return };
        inst.src = Some(src);
        inst.fetched = Some(text);
        let config = config_of(&el, inst.fetched.clone(), &inst.on_annotated);
        if config != inst.config {
            inst.widget.update(config.clone());
            inst.config = config;
        }
        INSTANCES.with(|m| m.borrow_mut().insert(id, inst));
    });
}

/// GETs `url` (relative to the page) and returns the body as text.
async fn fetch_text(url: &str) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let resp: web_sys::Response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await?.dyn_into()?;
    if !resp.ok() {
        return Err(JsValue::from_str(&format!("HTTP {}", resp.status())));
    }
    let text = wasm_bindgen_futures::JsFuture::from(resp.text()?).await?;
    text.as_string().ok_or_else(|| JsValue::from_str("body is not text"))
}
