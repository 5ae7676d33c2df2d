//! The root component: owns the [`State`] reducer and every side effect
//! (debounced annotation, storage, scrolling, clipboard, keyboard).

use super::annotate::{self, Annotator, Listeners, Outcome, LONG_TEXT_BYTES};
use super::article::Article;
use super::input::Input;
use super::legend::Legend;
use super::panel::Panel;
use super::spans::KINDS;
use super::state::{Action, Annotated, Notice, Origin, Shared, State};
use super::summary::{self, Summary};
use super::tree;
use super::{export, storage, AnnotatedEvent, PanelPosition, WidgetConfig, MAX_INPUT_UTF16, SAMPLE_ARTICLE};
use crate::web::i18n::Lang;
use crate::web::perf;
use std::cell::Cell;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    /// When the latest `Done` was dispatched (for the `pizhu:render` measure).
    static RENDER_START: Cell<f64> = const { Cell::new(0.0) };
}

/// How long after the first annotated render an editable widget starts the
/// worker for long texts (out of the way of start-up).
const PRESTART_AFTER: Duration = Duration::from_secs(2);

/// How long typing must pause before the text is re-annotated.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// Props of [`App`]: the embedder's config.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// See [`WidgetConfig`].
    pub config: WidgetConfig,
}

/// Kinds hidden initially: all those not listed in `kinds`.
fn hidden_from(kinds: &Option<Vec<String>>) -> BTreeSet<&'static str> {
    match kinds {
        None => BTreeSet::new(),
        Some(list) => KINDS.iter().copied().filter(|k| !list.iter().any(|l| l.trim() == *k)).collect(),
    }
}

/// The first draft: the config's text, else the saved draft, else the sample.
fn initial_draft(cfg: &WidgetConfig) -> String {
    cfg.text
        .clone()
        .or_else(|| cfg.storage_key.as_deref().and_then(storage::load))
        .unwrap_or_else(|| SAMPLE_ARTICLE.to_string())
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let cfg = &props.config;
    let state = use_reducer(|| {
        let mut s = State::new(initial_draft(cfg).into(), cfg.lang, hidden_from(&cfg.kinds));
        // A short first text is annotated before the first render, so the
        // widget renders and lays out once, already annotated, instead of an
        // empty frame first and the highlights a frame (and a task) later.
        s.annotated = annotate::now(&s.draft).map(|ann| {
            let start = perf::now();
            let annotated = Annotated::new(s.draft.to_string(), Rc::new(ann));
            perf::measure("pizhu:tree", start);
            Shared(Rc::new(annotated))
        });
        // `pizhu:render` of the first annotation: from here to its effect.
        RENDER_START.set(perf::now());
        s
    });
    let dispatch = state.dispatcher();
    let t = state.lang.t();
    let article_ref = use_node_ref();
    let panel_ref = use_node_ref();

    // The newest generation and the embedder's callback, read by async code.
    let latest = use_mut_ref(|| Cell::new(0u64));
    latest.borrow().set(state.generation);
    let on_annotated = use_mut_ref(|| None);
    *on_annotated.borrow_mut() = cfg.on_annotated.clone();

    // The shown annotation, so the next one can reuse its unchanged paragraphs.
    let shown = use_mut_ref(|| None::<Shared<Annotated>>);
    *shown.borrow_mut() = state.annotated.clone();

    let annotator = {
        let (dispatch, latest) = (dispatch.clone(), latest.clone());
        let shown = shown.clone();
        use_memo(cfg.worker_url.clone(), move |url| {
            let dispatch2 = dispatch.clone();
            let on_done = Callback::from(move |(generation, result): Outcome| match result {
                Ok((text, ann, json)) => {
                    if latest.borrow().get() != generation {
                        return; // stale: skip building its render tree
                    }
                    let prev = shown.borrow().clone();
                    let dispatch = dispatch.clone();
                    let done = move |annotated: Annotated| {
                        RENDER_START.set(perf::now());
                        let annotated = Shared(Rc::new(annotated.with_json(json)));
                        dispatch.dispatch(Action::Done { generation, annotated });
                    };
                    if text.len() > LONG_TEXT_BYTES {
                        // The tree over several tasks, then the render in one of its own.
                        let latest = latest.clone();
                        yew::platform::spawn_local(async move {
                            let start = perf::now();
                            let annotated = tree::build_in_steps(text, Rc::new(ann), prev).await;
                            perf::measure("pizhu:tree", start);
                            yew::platform::time::sleep(Duration::ZERO).await;
                            if latest.borrow().get() == generation {
                                done(annotated);
                            }
                        });
                    } else {
                        let start = perf::now();
                        let annotated = Annotated::after(text, Rc::new(ann), prev.as_deref());
                        perf::measure("pizhu:tree", start);
                        done(annotated);
                    }
                }
                Err(message) => dispatch.dispatch(Action::Failed { generation, message }),
            });
            let dispatch3 = dispatch2.clone();
            let on_fallback = Callback::from(move |()| dispatch2.dispatch(Action::Notify(Notice::WorkerFallback)));
            let on_progress = Callback::from(move |(generation, done)| dispatch3.dispatch(Action::Progress { generation, done }));
            Annotator::new(url.as_deref(), Listeners { on_done, on_progress, on_fallback })
        })
    };

    // Every new annotation, once rendered, goes to the embedder (the element
    // re-fires it as `pizhu:annotated`, in a task of its own).
    // The first one (annotated before the first render) is handed on from
    // the first render itself: every component's first render runs in that
    // task (yew yields to the browser only between first renders and
    // effects), so the event's task comes right after it, with the whole
    // widget in the DOM. Through the effect it waited for yew's yield task,
    // which often let a frame go by first.
    let emitted = use_mut_ref(|| None::<usize>);
    {
        let key = state.annotated.as_ref().map(|a| Rc::as_ptr(&a.0) as usize);
        if state.generation == 0 && key.is_some() && emitted.borrow().is_none() {
            if let (Some(a), Some(cb)) = (state.annotated.as_ref(), on_annotated.borrow().clone()) {
                *emitted.borrow_mut() = key;
                cb.emit(AnnotatedEvent { ann: a.ann.clone(), json: a.json.clone() });
            }
        }
        let (on_annotated, emitted) = (on_annotated.clone(), emitted.clone());
        let annotated = state.annotated.clone();
        use_effect_with(key, move |&key| {
            if key.is_some() && *emitted.borrow() == key {
                return; // handed on at its render
            }
            if let (Some(a), Some(cb)) = (annotated, on_annotated.borrow().clone()) {
                *emitted.borrow_mut() = key;
                cb.emit(AnnotatedEvent { ann: a.ann.clone(), json: a.json.clone() });
            }
        });
    }

    // The draft not yet written to storage: saved when typing pauses, or at
    // once when the page is hidden or closed (so nothing typed is lost).
    // Writing a 600 KB draft to localStorage on every keystroke took a long
    // main-thread task per key on a 200,000-character article.
    let unsaved = use_mut_ref(|| None::<Rc<str>>);
    {
        let (unsaved, dispatch) = (unsaved.clone(), dispatch.clone());
        use_effect_with(cfg.storage_key.clone(), move |key| {
            let key = key.clone();
            let flush = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                if let (Some(key), Some(draft)) = (key.as_deref(), unsaved.borrow_mut().take()) {
                    if !storage::save(key, &draft) {
                        dispatch.dispatch(Action::Notify(Notice::StorageFailed));
                    }
                }
            });
            let window = web_sys::window();
            if let Some(w) = window.as_ref() {
                let _ = w.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window.as_ref() {
                    let _ = w.remove_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
                }
                drop(flush);
            }
        });
    }

    // Every edit: save and annotate after a pause in typing.
    {
        let (dispatch, latest, annotator) = (dispatch.clone(), latest.clone(), annotator.clone());
        let draft = state.draft.clone();
        let key = cfg.storage_key.clone();
        let unsaved = unsaved.clone();
        // The first text may already be annotated (above): nothing to request.
        let first_done = state.generation == 0 && state.annotated.is_some();
        use_effect_with(state.generation, move |&generation| {
            if first_done {
                return;
            }
            let key = key.filter(|_| generation > 0);
            if key.is_some() {
                *unsaved.borrow_mut() = Some(draft.clone());
            }
            yew::platform::spawn_local(async move {
                if generation > 0 {
                    yew::platform::time::sleep(DEBOUNCE).await;
                }
                if latest.borrow().get() != generation {
                    return; // typed again meanwhile
                }
                if let Some(key) = key {
                    let ok = unsaved.borrow_mut().take().map_or(true, |d| storage::save(&key, &d));
                    dispatch.dispatch(if ok { Action::Dismiss(Notice::StorageFailed) } else { Action::Notify(Notice::StorageFailed) });
                }
                if draft.encode_utf16().count() > MAX_INPUT_UTF16 {
                    dispatch.dispatch(Action::TooLong(generation));
                    return;
                }
                dispatch.dispatch(Action::Started(generation));
                annotator.request(generation, draft.to_string());
            });
        });
    }

    // An editable widget will likely get a long article pasted: once the
    // first annotation is shown and the page has settled, start the worker
    // (it takes 50–450 ms to start here) so the paste does not wait for it.
    {
        let annotator = annotator.clone();
        let editable = cfg.show_input;
        use_effect_with(state.annotated.is_some(), move |&shown| {
            if shown && editable {
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(PRESTART_AFTER).await;
                    annotator.prestart();
                });
            }
        });
    }

    // The new annotation is in the DOM: how long its render took.
    use_effect_with(state.annotated.as_ref().map(|a| Rc::as_ptr(&a.0) as usize), |key| {
        if key.is_some() {
            perf::measure("pizhu:render", RENDER_START.get());
        }
    });

    // Config updates from the embedder.
    {
        let dispatch = dispatch.clone();
        use_effect_with(cfg.text.clone(), move |text| {
            if let Some(text) = text {
                dispatch.dispatch(Action::Edit(text.as_str().into()));
            }
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with(cfg.lang, move |&lang| dispatch.dispatch(Action::SetLang(lang)));
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with(cfg.kinds.clone(), move |kinds| dispatch.dispatch(Action::SetHidden(hidden_from(kinds))));
    }

    // Selecting from the panel or the keys scrolls the article to the statement;
    // selecting in the article scrolls the side panel (only the panel itself,
    // never the page) to the statement's card.
    {
        let (article_ref, panel_ref) = (article_ref.clone(), panel_ref.clone());
        use_effect_with((state.current.clone(), state.selected_from), move |(current, from)| {
            if let (Some(id), Some((Origin::Article, _)), Some(panel)) =
                (current, from, panel_ref.cast::<web_sys::Element>())
            {
                let sel = format!("[data-statement=\"{id}\"]");
                if let Ok(Some(item)) = panel.query_selector(&sel) {
                    if panel.scroll_height() > panel.client_height() {
                        let (p, i) = (panel.get_bounding_client_rect(), item.get_bounding_client_rect());
                        if i.top() < p.top() || i.bottom() > p.bottom() {
                            let target = panel.scroll_top() as f64 + i.top() - p.top() - p.height() / 3.0;
                            panel.set_scroll_top(target.max(0.0) as i32);
                        }
                    }
                }
            }
            if let (Some(id), Some((Origin::Panel | Origin::Keys, _))) = (current, from) {
                if let Some(root) = article_ref.cast::<web_sys::Element>() {
                    let sel = format!("[data-kind=statement][data-statement=\"{id}\"]");
                    if let Ok(Some(el)) = root.query_selector(&sel) {
                        let opts = web_sys::ScrollIntoViewOptions::new();
                        opts.set_block(web_sys::ScrollLogicalPosition::Center);
                        el.scroll_into_view_with_scroll_into_view_options(&opts);
                    }
                }
            }
        });
    }

    let onedit = {
        let d = dispatch.clone();
        Callback::from(move |text: String| d.dispatch(Action::Edit(text.into())))
    };
    let onpaste = {
        let d = dispatch.clone();
        Callback::from(move |()| {
            let d = d.clone();
            yew::platform::spawn_local(async move {
                match export::paste().await {
                    Some(text) => d.dispatch(Action::Edit(text.into())),
                    None => d.dispatch(Action::Notify(Notice::ClipboardFailed)),
                }
            });
        })
    };
    let onclear = {
        let d = dispatch.clone();
        Callback::from(move |()| d.dispatch(Action::Edit("".into())))
    };
    let onsample = {
        let d = dispatch.clone();
        Callback::from(move |()| d.dispatch(Action::Edit(SAMPLE_ARTICLE.into())))
    };
    // Stable callbacks (dispatchers never change), so the article, panel and
    // legend skip re-rendering on every keystroke in a long text.
    let select_article = {
        let d = dispatch.clone();
        use_callback((), move |id: String, _| d.dispatch(Action::Select(Some(id), Origin::Article)))
    };
    let select_panel = {
        let d = dispatch.clone();
        use_callback((), move |id: String, _| d.dispatch(Action::Select(Some(id), Origin::Panel)))
    };
    let ontoggle = {
        let d = dispatch.clone();
        use_callback((), move |k: &'static str, _| d.dispatch(Action::ToggleKind(k)))
    };
    let onfilter = {
        let d = dispatch.clone();
        use_callback((), move |f: String, _| d.dispatch(Action::Filter(f)))
    };
    let onlang = {
        let (d, lang) = (dispatch.clone(), state.lang);
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetLang(if lang == Lang::Zh { Lang::En } else { Lang::Zh })))
    };
    let ann = state.annotated.as_ref().map(|a| Shared(a.ann.clone()));
    // The annotation the panel and summary show. A short text's renders with
    // the article. A long text's renders one task after the article's first
    // paragraphs (each part stays a short task). The very first one renders
    // after the article's first paint: on start-up the reader sees the
    // annotated article without waiting for the panel's ~400 elements to be
    // built and laid out (the panel shows its frame meanwhile).
    let side = use_mut_ref(|| None::<Shared<crate::contract::Annotation>>);
    // The newest annotation, read by a deferred update when it lands (so a
    // late one never shows an older annotation).
    let wanted = use_mut_ref(|| None::<Shared<crate::contract::Annotation>>);
    *wanted.borrow_mut() = ann.clone();
    let refresh = use_force_update();
    {
        let long = state.annotated.as_ref().is_some_and(|a| a.text.len() > LONG_TEXT_BYTES);
        let first = side.borrow().is_none();
        let defer = ann.is_some() && (long || first);
        if !defer {
            *side.borrow_mut() = ann.clone();
        }
        let (side, wanted) = (side.clone(), wanted.clone());
        use_effect_with(ann.clone(), move |_| {
            if defer {
                let land = move || {
                    *side.borrow_mut() = wanted.borrow().clone();
                    refresh.force_update();
                };
                if long {
                    yew::platform::spawn_local(async move {
                        yew::platform::time::sleep(Duration::ZERO).await;
                        land();
                    });
                } else {
                    after_paint(land);
                }
            }
        });
    }
    let side_ann = side.borrow().clone();
    let oncopy = {
        let (d, ann) = (dispatch.clone(), ann.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(ann) = ann.clone() else { return };
            let d = d.clone();
            yew::platform::spawn_local(async move {
                let ok = export::copy(export::json(&ann)).await;
                d.dispatch(Action::Notify(if ok { Notice::Copied } else { Notice::ClipboardFailed }));
            });
        })
    };
    let ondownload = {
        let ann = ann.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(ann) = ann.as_ref() {
                let _ = export::download("pizhu-annotation.json", &export::json(ann));
            }
        })
    };
    // j/k/↑/↓ move between statements anywhere in the widget except text fields.
    let onkeydown = {
        let (d, current) = (dispatch.clone(), state.current.clone());
        Callback::from(move |e: KeyboardEvent| {
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let tag = target.as_ref().map(|el| el.tag_name()).unwrap_or_default();
            if matches!(tag.as_str(), "TEXTAREA" | "INPUT") || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            // Enter jumps to the selected statement, unless a button or a
            // statement in the text has focus (they handle Enter themselves).
            let own_enter = tag == "BUTTON" || target.is_some_and(|el| el.has_attribute("data-statement"));
            if e.key() == "Enter" && !own_enter {
                if let Some(id) = current.clone() {
                    e.prevent_default();
                    d.dispatch(Action::Select(Some(id), Origin::Keys));
                }
                return;
            }
            match e.key().as_str() {
                "j" | "ArrowDown" => {
                    e.prevent_default();
                    d.dispatch(Action::Step(1));
                }
                "k" | "ArrowUp" => {
                    e.prevent_default();
                    d.dispatch(Action::Step(-1));
                }
                _ => {}
            }
        })
    };

    let notices = state.notices.iter().map(|&n| {
        let text = match n {
            Notice::StorageFailed => t.storage_failed,
            Notice::ClipboardFailed => t.clipboard_failed,
            Notice::Copied => t.copied,
            Notice::WorkerFallback => t.worker_fallback,
        };
        let d = dispatch.clone();
        let close = Callback::from(move |_: MouseEvent| d.dispatch(Action::Dismiss(n)));
        let alert = matches!(n, Notice::StorageFailed);
        html! {
            <p class={classes!("pz-notice", alert.then_some("alert"))} role={if alert { "alert" } else { "status" }}>
                {text}<button type="button" class="pz-x" aria-label="×" onclick={close}>{"×"}</button>
            </p>
        }
    });
    let counts = ann.as_ref().map(|a| summary::counts(&a.0)).unwrap_or_else(|| vec![0; KINDS.len()]);
    let root_class = classes!(
        "pizhu",
        if cfg.panel == PanelPosition::Below { "panel-below" } else { "panel-side" },
        state.busy.then_some("busy"),
    );
    html! {
        <div class={root_class} lang={state.lang.tag()} {onkeydown}>
            <header class="pz-bar">
                <h1 class="pz-title">{t.title}<span class="pz-sub">{t.panel_title}</span></h1>
                <div class="pz-tools" role="group" aria-label={t.export}>
                    <button type="button" class="pz-btn" data-action="copy-json" disabled={ann.is_none()} onclick={oncopy}>{t.copy_json}</button>
                    <button type="button" class="pz-btn" data-action="download-json" disabled={ann.is_none()} onclick={ondownload}>{t.download_json}</button>
                    <button type="button" class="pz-btn pz-lang" data-action="lang" lang={if state.lang == Lang::Zh { "en" } else { "zh-CN" }} onclick={onlang}>{t.lang_switch}</button>
                </div>
            </header>
            <div class="pz-notices">
                { for notices }
                if state.too_long { <p class="pz-notice alert" role="alert">{t.too_long}</p> }
                if let Some(err) = state.error.clone() { <p class="pz-notice alert" role="alert">{t.error}{err}</p> }
            </div>
            if cfg.show_input {
                <Input draft={state.draft.clone()} busy={state.busy} progress={state.progress} lang={state.lang}
                    {onedit} {onpaste} {onclear} {onsample} />
            }
            <Legend {counts} hidden={state.hidden.clone()} lang={state.lang} {ontoggle} />
            <div class="pz-main">
                <Article annotated={state.annotated.clone()} hidden={state.hidden.clone()} current={state.current.clone()}
                    lang={state.lang} onselect={select_article} node_ref={article_ref.clone()} />
                <Panel ann={side_ann.clone()} current={state.current.clone()} filter={state.filter.clone()}
                    lang={state.lang} onselect={select_panel} {onfilter} node_ref={panel_ref.clone()} />
            </div>
            if let Some(ann) = side_ann { <Summary {ann} lang={state.lang} /> }
            <p class="pz-hint">{t.keys_hint}</p>
        </div>
    }
}

/// Runs `f` in a task after the next frame is painted (a task queued from
/// `requestAnimationFrame` runs after that frame's layout and paint), or
/// after [`PAINT_WAIT_MAX`] if no frame comes (a hidden page gets none).
fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return f() };
    let once = Rc::new(std::cell::RefCell::new(Some(f)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(f) = once.borrow_mut().take() {
                f();
            }
        }
    };
    let timeout = {
        let run = run.clone();
        wasm_bindgen::closure::Closure::once_into_js(run)
    };
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(timeout.unchecked_ref(), PAINT_WAIT_MAX);
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        let task = wasm_bindgen::closure::Closure::once_into_js(run);
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(task.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// How long [`after_paint`] waits for a frame at most (ms).
const PAINT_WAIT_MAX: i32 = 250;
