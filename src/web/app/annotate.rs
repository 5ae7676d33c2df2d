//! Runs the engine: short texts on the main thread (after yielding once so
//! the "analyzing" state paints first), long ones in a module Web Worker
//! when possible, so long articles never block typing.

use crate::contract::{self, Annotation};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

#[wasm_bindgen(inline_js = "export function pizhu_worker_default() { \
    return new URL('../../pizhu-worker.js', import.meta.url).href; }")]
extern "C" {
    /// `pizhu-worker.js` next to `pizhu.js` (this snippet lives in `snippets/<crate>/`).
    fn pizhu_worker_default() -> String;
}

/// One finished request: its generation and the result: the text, its
/// annotation and, from the worker, the same annotation as the JSON string
/// it arrived in (a JS string, never copied again: the `pizhu:annotated`
/// event parses it only if a listener reads `detail`).
pub type Outcome = (u64, Result<(String, Annotation, Option<JsValue>), String>);

/// Texts up to this many bytes (≈ 10,000 CJK characters) are annotated on
/// the main thread: a few ms once the engine exists, and no worker to start,
/// load and build a second engine in before the first render (that was most
/// of the time from module start to the first annotated render of a short
/// article). Longer texts go to the worker, started on first need.
const MAIN_THREAD_MAX_BYTES: usize = 30_000;

/// The worker's message and error handlers (kept alive as long as it runs).
type Handlers = (Closure<dyn FnMut(web_sys::MessageEvent)>, Closure<dyn FnMut(web_sys::Event)>);

/// Shared between the annotator and the worker's callbacks.
struct Inner {
    /// The worker script's URL.
    url: String,
    worker: Option<web_sys::Worker>,
    /// Its handlers, dropped with it.
    handlers: Option<Handlers>,
    /// The worker could not run: everything goes to the main thread.
    failed: bool,
    /// The last request sent to the worker, to rerun if the worker dies.
    pending: Option<(u64, String)>,
    on_done: Callback<Outcome>,
    on_fallback: Callback<()>,
}

/// Owns the worker (started on the first long text) and its callbacks;
/// drop terminates the worker.
pub struct Annotator {
    inner: Rc<RefCell<Inner>>,
}

impl Annotator {
    /// Prepares annotation with the worker at `url` (default next to the
    /// module). `on_done` receives every outcome; `on_fallback` fires once if
    /// the worker cannot run.
    pub fn new(url: Option<&str>, on_done: Callback<Outcome>, on_fallback: Callback<()>) -> Self {
        let url = url.map(str::to_string).unwrap_or_else(pizhu_worker_default);
        let inner = Inner { url, worker: None, handlers: None, failed: false, pending: None, on_done, on_fallback };
        Annotator { inner: Rc::new(RefCell::new(inner)) }
    }

    /// Annotates `text` as request `generation`; the outcome arrives via
    /// `on_done`. Short texts run on the main thread, long ones in the worker.
    pub fn request(&self, generation: u64, text: String) {
        if text.len() > MAIN_THREAD_MAX_BYTES && !self.inner.borrow().failed {
            start_worker(&self.inner);
        }
        let mut inner = self.inner.borrow_mut();
        if text.len() > MAIN_THREAD_MAX_BYTES {
            if let Some(w) = inner.worker.as_ref() {
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from_f64(generation as f64));
                let _ = js_sys::Reflect::set(&msg, &"text".into(), &JsValue::from_str(&text));
                if w.post_message(&msg).is_ok() {
                    inner.pending = Some((generation, text));
                    return;
                }
            }
        }
        let cb = inner.on_done.clone();
        drop(inner);
        run_here(generation, text, cb);
    }
}

/// Starts the worker unless it runs (or could not).
fn start_worker(inner_rc: &Rc<RefCell<Inner>>) {
    let mut inner = inner_rc.borrow_mut();
    if inner.worker.is_some() || inner.failed {
        return;
    }
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let Ok(worker) = web_sys::Worker::new_with_options(&inner.url, &opts) else {
        inner.failed = true;
        let cb = inner.on_fallback.clone();
        drop(inner);
        cb.emit(());
        return;
    };
    let weak = Rc::downgrade(inner_rc);
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let Some(inner) = weak.upgrade() else { return };
        let data = ev.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok().filter(|v| !v.is_undefined());
        if get("fatal").is_some() {
            fall_back(&inner);
            return;
        }
        let id = get("id").and_then(|v| v.as_f64()).unwrap_or(-1.0) as u64;
        let pending = inner.borrow_mut().pending.take_if(|(g, _)| *g == id);
        let Some((_, text)) = pending else { return };
        let json_js = get("json").filter(|v| v.is_string());
        let result = match (json_js.as_ref().and_then(|v| v.as_string()), get("error")) {
            (Some(json), _) => serde_json::from_str::<Annotation>(&json)
                .map(|a| (text, a, json_js))
                .map_err(|e| format!("bad annotation JSON: {e}")),
            (None, Some(err)) => Err(err.as_string().unwrap_or_else(|| "worker error".into())),
            (None, None) => Err("worker sent nothing".into()),
        };
        // Hand over in a later task: parsing, building the render tree and
        // rendering then run as three tasks instead of one long one.
        let cb = inner.borrow().on_done.clone();
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
            cb.emit((id, result));
        });
    });
    let weak = Rc::downgrade(inner_rc);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        // The script failed to load or threw at top level (404, CSP worker-src).
        ev.prevent_default();
        if let Some(inner) = weak.upgrade() {
            fall_back(&inner);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // Hand the worker this page's compiled module: it instantiates it
    // instead of fetching and compiling 3.7 MB of wasm again (pizhu-worker.js).
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"module".into(), &wasm_bindgen::module());
    let _ = worker.post_message(&msg);
    inner.worker = Some(worker);
    inner.handlers = Some((on_message, on_error));
}

impl Drop for Annotator {
    fn drop(&mut self) {
        if let Some(w) = self.inner.borrow_mut().worker.take() {
            w.terminate();
        }
    }
}

/// Drops the worker and reruns its pending request on the main thread.
fn fall_back(inner: &Rc<RefCell<Inner>>) {
    let (worker, pending, on_done, on_fallback) = {
        let mut i = inner.borrow_mut();
        (i.worker.take(), i.pending.take(), i.on_done.clone(), i.on_fallback.clone())
    };
    inner.borrow_mut().failed = true;
    if let Some(w) = worker {
        w.terminate();
        on_fallback.emit(());
    }
    if let Some((g, text)) = pending {
        run_here(g, text, on_done);
    }
}

/// Annotates on the main thread after a macrotask, so the busy state paints.
fn run_here(generation: u64, text: String, on_done: Callback<Outcome>) {
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::from_millis(0)).await;
        let ann = crate::web::api::with_engine(|e| contract::annotate(e, &text));
        on_done.emit((generation, Ok((text, ann, None))));
    });
}
