//! The page's one annotation worker (`pizhu-worker.js`), shared by every
//! widget on the page: started for the first long text (or when the page is
//! idle after its first render) and ended when the last widget using it
//! goes. Several widgets never mean several workers and engines.
//!
//! The worker instantiates the page's own compiled `WebAssembly.Module`
//! (V8 shares compiled code between the two: functions the worker compiled
//! on first use are compiled for the page too). Protocol: see
//! `pizhu-worker.js`. Its progress reports become the widget's percentage;
//! the annotation arrives as one JSON string (handed on to
//! `pizhu:annotated` unparsed) and in pieces, parsed here one per task.

use crate::contract::parts::{Assembly, Kind};
use crate::contract::Annotation;
use crate::web::perf;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A finished request: the text, its annotation and the JSON string it
/// arrived as (handed on to `pizhu:annotated` without copying), or an error.
pub type Reply = Result<(String, Annotation, Option<JsValue>), String>;

/// Where a [`Reply`] goes.
pub type ReplyTo = Box<dyn FnOnce(Reply)>;

/// Progress reports (0–1) of one request.
pub type Progress = Rc<dyn Fn(f32)>;

/// What the worker owes a request.
struct Pending {
    /// The requesting widget.
    client: u32,
    text: String,
    reply: ReplyTo,
    progress: Progress,
    /// When it was sent (for the `pizhu:worker` measure).
    sent: f64,
}

/// The share of a request's progress that is the worker's; parsing the
/// pieces here is the rest.
const WORKER_SHARE: f32 = 0.85;

/// The worker's message and error handlers (alive as long as it runs).
type Handlers = (Closure<dyn FnMut(web_sys::MessageEvent)>, Closure<dyn FnMut(web_sys::Event)>);

/// The shared worker and its bookkeeping.
struct Pool {
    url: String,
    worker: Option<web_sys::Worker>,
    handlers: Option<Handlers>,
    /// The worker could not run (CSP `worker-src`, missing file, load error).
    failed: bool,
    next_id: u64,
    pending: HashMap<u64, Pending>,
    /// The request whose pieces each widget is parsing now.
    parsing: HashMap<u32, u64>,
    /// Each widget's "the worker failed, annotating here" notice.
    clients: HashMap<u32, Rc<dyn Fn()>>,
}

thread_local! {
    static POOL: RefCell<Option<Pool>> = const { RefCell::new(None) };
    static NEXT_CLIENT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// Why a widget cannot use the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The worker failed on this page (the widget should say so).
    Failed,
    /// The page's worker runs another script (annotate on the main thread).
    OtherUrl,
}

/// Registers a widget and starts the worker at `url` if it is not running.
/// `on_fallback` runs once if the worker fails later. Returns the widget's
/// client id.
pub fn join(url: &str, on_fallback: Rc<dyn Fn()>) -> Result<u32, Unavailable> {
    let id = NEXT_CLIENT.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    let joined = POOL.with(|p| {
        let mut slot = p.borrow_mut();
        match slot.as_ref() {
            // A failed worker stays failed for the page.
            Some(pool) if pool.failed => return Err(Unavailable::Failed),
            Some(pool) if pool.url != url => return Err(Unavailable::OtherUrl),
            _ => {}
        }
        let pool = slot.get_or_insert_with(|| Pool {
            url: url.to_string(),
            worker: None,
            handlers: None,
            failed: false,
            next_id: 1,
            pending: HashMap::new(),
            parsing: HashMap::new(),
            clients: HashMap::new(),
        });
        pool.clients.insert(id, on_fallback);
        Ok(())
    });
    joined?;
    if POOL.with(|p| p.borrow().as_ref().is_some_and(|pool| pool.worker.is_none())) && !spawn() {
        leave(id);
        return Err(Unavailable::Failed);
    }
    Ok(id)
}

/// Unregisters widget `client`: its pending replies are dropped; the worker
/// ends with the last widget.
pub fn leave(client: u32) {
    let last = POOL.with(|p| {
        let mut slot = p.borrow_mut();
        let pool = slot.as_mut()?;
        pool.clients.remove(&client);
        pool.pending.retain(|_, r| r.client != client);
        pool.parsing.remove(&client);
        if pool.clients.is_empty() {
            slot.take()
        } else {
            None
        }
    });
    if let Some(w) = last.and_then(|pool| pool.worker) {
        w.terminate();
    }
}

/// Sends `text` to the worker for widget `client`; `reply` gets the result,
/// `progress` the reports on the way. The client's earlier requests are
/// superseded (their replies dropped). Gives `reply` back when the worker
/// cannot take it.
pub fn request(
    client: u32,
    text: String,
    reply: ReplyTo,
    progress: Progress,
) -> Result<(), (String, ReplyTo)> {
    POOL.with(|p| {
        let mut slot = p.borrow_mut();
        let Some(pool) = slot.as_mut() else { return Err((text, reply)) };
        let Some(worker) = pool.worker.as_ref() else { return Err((text, reply)) };
        let id = pool.next_id;
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from_f64(id as f64));
        let _ = js_sys::Reflect::set(&msg, &"text".into(), &JsValue::from_str(&text));
        if worker.post_message(&msg).is_err() {
            return Err((text, reply));
        }
        pool.next_id += 1;
        pool.pending.retain(|_, r| r.client != client);
        pool.parsing.remove(&client);
        pool.pending.insert(id, Pending { client, text, reply, progress, sent: perf::now() });
        Ok(())
    })
}

/// Starts the worker; false (and the pool marked failed) if it cannot start.
fn spawn() -> bool {
    let url = POOL.with(|p| p.borrow().as_ref().map(|pool| pool.url.clone()));
    let Some(url) = url else { return false };
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let Ok(worker) = web_sys::Worker::new_with_options(&url, &opts) else {
        POOL.with(|p| {
            if let Some(pool) = p.borrow_mut().as_mut() {
                pool.failed = true;
            }
        });
        return false;
    };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| on_message(ev.data()));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        // The script failed to load or threw at top level (404, CSP worker-src).
        ev.prevent_default();
        fall_back();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // This page's compiled module: the worker instantiates it instead of
    // fetching and compiling 4 MB of wasm again.
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"module".into(), &wasm_bindgen::module());
    let _ = worker.post_message(&msg);
    POOL.with(|p| {
        if let Some(pool) = p.borrow_mut().as_mut() {
            pool.worker = Some(worker);
            pool.handlers = Some((on_message, on_error));
        }
    });
    true
}

/// A message from the worker: progress, a reply, an error, or `fatal`.
fn on_message(data: JsValue) {
    let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok().filter(|v| !v.is_undefined());
    if get("fatal").is_some() {
        fall_back();
        return;
    }
    let id = get("id").and_then(|v| v.as_f64()).unwrap_or(-1.0) as u64;
    if let Some(done) = get("progress").and_then(|v| v.as_f64()) {
        let progress = POOL.with(|p| p.borrow().as_ref().and_then(|pool| pool.pending.get(&id).map(|r| r.progress.clone())));
        if let Some(progress) = progress {
            progress(done as f32 * WORKER_SHARE);
        }
        return;
    }
    let pending = POOL.with(|p| p.borrow_mut().as_mut().and_then(|pool| pool.pending.remove(&id)));
    let Some(Pending { client, text, reply, progress, sent }) = pending else { return }; // superseded or widget gone
    perf::measure("pizhu:worker", sent);
    let json = get("json").filter(|v| v.is_string());
    let parts = get("parts").map(|v| js_sys::Array::from(&v));
    match (json, parts) {
        (Some(json), Some(parts)) => {
            // Tracked so a newer request from the same widget stops this one.
            POOL.with(|p| {
                if let Some(pool) = p.borrow_mut().as_mut() {
                    pool.parsing.insert(client, id);
                }
            });
            yew::platform::spawn_local(async move {
                let result = assemble(client, id, &parts, &progress).await;
                if let Some(result) = result {
                    reply(result.map(|ann| (text, ann, Some(json))));
                }
            });
        }
        _ => {
            let err = get("error").and_then(|e| e.as_string()).unwrap_or_else(|| "worker sent nothing".into());
            reply(Err(err));
        }
    }
}

/// Parses the pieces `[tag, json, …]` of request `id`, one per task;
/// `None` if a newer request of the same widget came meanwhile.
async fn assemble(client: u32, id: u64, parts: &js_sys::Array, progress: &Progress) -> Option<Result<Annotation, String>> {
    let n = parts.length() / 2;
    let mut assembly = Assembly::default();
    for i in 0..n {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        let current = POOL.with(|p| p.borrow().as_ref().is_some_and(|pool| pool.parsing.get(&client) == Some(&id)));
        if !current {
            return None;
        }
        let kind = parts.get(2 * i).as_f64().and_then(|t| Kind::from_tag(t as u32));
        let piece = parts.get(2 * i + 1).as_string();
        let (Some(kind), Some(piece)) = (kind, piece) else { return Some(Err("bad annotation piece".into())) };
        let start = perf::now();
        let added = assembly.add(kind, &piece);
        perf::measure("pizhu:parse", start);
        if let Err(e) = added {
            return Some(Err(e));
        }
        progress(WORKER_SHARE + (1.0 - WORKER_SHARE) * (i + 1) as f32 / n as f32);
    }
    Some(assembly.finish().ok_or_else(|| "empty annotation".to_string()))
}

/// The worker died or never ran: end it, tell every widget, and rerun what
/// it owed on the main thread. Later requests go to the main thread.
fn fall_back() {
    // Everything is taken out first: the notices and reruns re-render widgets,
    // which may call back into this module.
    let taken = POOL.with(|p| {
        let mut slot = p.borrow_mut();
        let pool = slot.as_mut()?;
        pool.failed = true;
        pool.handlers = None;
        let pending: Vec<Pending> = pool.pending.drain().map(|(_, r)| r).collect();
        let notices: Vec<Rc<dyn Fn()>> = pool.clients.values().cloned().collect();
        Some((pool.worker.take(), pending, notices))
    });
    let Some((worker, pending, notices)) = taken else { return };
    let Some(worker) = worker else { return }; // already fallen back
    worker.terminate();
    for notify in notices {
        notify();
    }
    for r in pending {
        super::annotate::run_here(r.text, r.reply);
    }
}
