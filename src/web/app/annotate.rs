//! Runs the engine for one widget. Short texts run on the main thread
//! (after yielding once, so the "analyzing" state paints): the engine loads
//! only the words a text contains, so that takes milliseconds, while starting
//! a worker took 50–450 ms here before it could answer. Long texts go to the
//! page's worker ([`super::worker`]), started on the first long text or when
//! the page is idle after the first render, so long articles never block typing.

use super::worker::{self, Reply, ReplyTo, Unavailable};
use crate::contract::{self, Annotation};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
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

/// Texts longer than this many bytes (≈ 10,000 CJK characters) go to the
/// worker; their results are handed to the widget in a task of their own
/// after they arrive, so parsing, building the render tree and rendering a
/// long article are separate tasks, not one long one.
pub const LONG_TEXT_BYTES: usize = 30_000;

/// One widget's way to the engine; dropping it drops its pending requests
/// (and ends the worker if it was the last widget using it).
pub struct Annotator {
    /// The worker script's URL.
    url: String,
    /// Its client id with the page's worker, once it joined.
    client: Cell<Option<u32>>,
    /// The worker cannot run: everything stays on the main thread.
    no_worker: Cell<bool>,
    on_done: Callback<Outcome>,
    on_progress: Callback<(u64, f32)>,
    on_fallback: Callback<()>,
}

/// What a widget hears from its [`Annotator`].
pub struct Listeners {
    /// Every outcome.
    pub on_done: Callback<Outcome>,
    /// `(generation, done)`: how much (0–1) of a long text's annotation is done.
    pub on_progress: Callback<(u64, f32)>,
    /// The worker cannot run (fires once).
    pub on_fallback: Callback<()>,
}

impl Annotator {
    /// Prepares annotation with the worker script at `url` (default: next to
    /// the module), telling `listeners` what happens.
    pub fn new(url: Option<&str>, listeners: Listeners) -> Self {
        let url = url.map(str::to_string).unwrap_or_else(pizhu_worker_default);
        let Listeners { on_done, on_progress, on_fallback } = listeners;
        Annotator { url, client: Cell::new(None), no_worker: Cell::new(false), on_done, on_progress, on_fallback }
    }

    /// Starts the page's worker now (if it does not run), so a long text
    /// pasted later finds it ready. Called when the page is idle.
    pub fn prestart(&self) {
        self.client();
    }

    /// This widget's worker client id, joining (and starting the worker) on
    /// first use; `None` when no worker can run.
    fn client(&self) -> Option<u32> {
        if self.no_worker.get() {
            return None;
        }
        if let Some(id) = self.client.get() {
            return Some(id);
        }
        let notify = self.on_fallback.clone();
        match worker::join(&self.url, Rc::new(move || notify.emit(()))) {
            Ok(id) => {
                self.client.set(Some(id));
                Some(id)
            }
            Err(why) => {
                self.no_worker.set(true);
                if why == Unavailable::Failed {
                    self.on_fallback.emit(());
                }
                None
            }
        }
    }

    /// Annotates `text` as request `generation`; the outcome arrives via `on_done`.
    pub fn request(&self, generation: u64, text: String) {
        let on_done = self.on_done.clone();
        let reply: ReplyTo = Box::new(move |result: Reply| {
            let long = result.as_ref().is_ok_and(|(t, _, _)| t.len() > LONG_TEXT_BYTES);
            if long {
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    on_done.emit((generation, result));
                });
            } else {
                on_done.emit((generation, result));
            }
        });
        if text.len() <= LONG_TEXT_BYTES {
            return run_here(text, reply);
        }
        let Some(client) = self.client() else { return run_here(text, reply) };
        let on_progress = self.on_progress.clone();
        let progress = Rc::new(move |done: f32| on_progress.emit((generation, done)));
        if let Err((text, reply)) = worker::request(client, text, reply, progress) {
            run_here(text, reply);
        }
    }
}

impl Drop for Annotator {
    fn drop(&mut self) {
        if let Some(client) = self.client.get() {
            worker::leave(client);
        }
    }
}

/// Annotates `text` at once on the main thread if it is short (up to
/// [`LONG_TEXT_BYTES`]): the widget's first text, before its first render.
pub fn now(text: &str) -> Option<Annotation> {
    if text.len() > LONG_TEXT_BYTES {
        return None;
    }
    use crate::web::perf;
    let start = perf::now();
    // Measured step by step (DevTools and timing.mjs show each): loading the
    // text's dictionary words, the engine's pipeline, the contract.
    let ann = crate::web::api::with_engine(|e| {
        let t = perf::now();
        e.prepare(text);
        perf::measure("pizhu:prepare", t);
        let t = perf::now();
        let doc = e.annotate_prepared(text);
        perf::measure("pizhu:pipeline", t);
        let t = perf::now();
        let ann = contract::to_annotation(text, &doc);
        perf::measure("pizhu:contract", t);
        ann
    });
    perf::measure("pizhu:annotate", start);
    Some(ann)
}

/// Annotates on the main thread after a macrotask, so the busy state paints.
pub fn run_here(text: String, reply: ReplyTo) {
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        let start = crate::web::perf::now();
        let ann = crate::web::api::with_engine(|e| contract::to_annotation(&text, &e.annotate(&text)));
        crate::web::perf::measure("pizhu:annotate", start);
        reply(Ok((text, ann, None)));
    });
}
