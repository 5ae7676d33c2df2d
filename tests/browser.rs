//! wasm-bindgen tests that run in headless Chromium (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn annotate_returns_contract_v1_in_the_browser() {
    let engine = pizhu::engine::Engine::new();
    let ann = pizhu::contract::annotate(&engine, "京东CEO徐雷表示，今年增长。");
    assert_eq!(ann.version, 1);
    assert_eq!(ann.length, "京东CEO徐雷表示，今年增长。".encode_utf16().count());
}

// ---------------------------------------------------------------------------
// Widget component tests (issue #4): pieces mounted into a detached-free div,
// read back from the DOM. The annotations are hand-made so these tests do not
// depend on what the engine finds.

use pizhu::contract::{Annotation, EntityOut, QuoteOut, SpeakerOut, StatementOut, TextSpan};
use pizhu::web::app::article::Paragraph;
use pizhu::web::app::panel::{SpeakerCard, SpeakerCardProps};
use pizhu::web::app::spans::{self, Node};
use pizhu::web::app::state::{Action, Annotated, Origin, Shared, State};
use pizhu::web::app::{mount, WidgetConfig};
use pizhu::web::i18n::Lang;
use std::rc::Rc;
use std::time::Duration;
use yew::Reducible;

/// UTF-16 offsets of the first occurrence of `needle` in `text`.
fn u16_range(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect("needle in text");
    let s = text[..b].encode_utf16().count();
    (s, s + needle.encode_utf16().count())
}

fn entity(text: &str, kind: &str, needle: &str) -> EntityOut {
    let (start, end) = u16_range(text, needle);
    EntityOut { kind: kind.into(), subkind: None, text: needle.into(), start, end }
}

/// A hand-made annotation of SAMPLE: one speaker (张三) with a direct and an
/// indirect statement, entities inside and crossing the statements, a term quote.
const SAMPLE: &str = "😀某某集团CEO张三表示，公司营收增长60.5%。\n“我们不追求短期利润，”张三说，“也不<img src=x onerror=\"window.__pwned=1\">。”业内称之为“翻车”。";

fn sample_annotation() -> Annotation {
    let t = SAMPLE;
    let (is, ie) = u16_range(t, "公司营收增长60.5%");
    let (ds, de) = u16_range(t, "我们不追求短期利润，");
    let (cs, ce) = u16_range(t, "表示");
    let (ts, te) = u16_range(t, "翻车");
    Annotation {
        version: 1,
        length: t.encode_utf16().count(),
        speakers: vec![SpeakerOut {
            id: "s1".into(),
            name: "张三".into(),
            kind: "person".into(),
            roles: vec!["某某集团CEO".into()],
            title: Some("CEO".into()),
            affiliation: Some("某某集团".into()),
            aliases: vec![],
            mentions: vec![],
            statements: vec!["t1".into(), "t2".into()],
        }],
        statements: vec![
            StatementOut {
                id: "t1".into(),
                speaker: Some("s1".into()),
                speakers: vec!["s1".into()],
                kind: "indirect".into(),
                cue: Some(TextSpan { text: "表示".into(), start: cs, end: ce }),
                text: "公司营收增长60.5%".into(),
                start: is,
                end: ie,
            },
            StatementOut {
                id: "t2".into(),
                speaker: Some("s1".into()),
                speakers: vec!["s1".into()],
                kind: "direct".into(),
                cue: None,
                text: "我们不追求短期利润，".into(),
                start: ds,
                end: de,
            },
        ],
        entities: vec![
            entity(t, "organization", "某某集团"),
            entity(t, "position", "某某集团CEO"),
            entity(t, "person", "张三"),
            entity(t, "figure", "60.5%"),
            // Crosses the end of statement t2 ("短期利润，”张"): must be clipped, not break nesting.
            entity(t, "organization", "利润，”张"),
        ],
        quotes: vec![{
            let (s, e) = u16_range(t, "翻车");
            QuoteOut { kind: "term".into(), text: "翻车".into(), start: s, end: e, closed: true }
        }],
    }
    .tap(|a| assert_eq!((ts, te), (a.quotes[0].start, a.quotes[0].end)))
}

trait Tap: Sized {
    fn tap(self, f: impl FnOnce(&Self)) -> Self {
        f(&self);
        self
    }
}
impl<T> Tap for T {}

/// A fresh div attached to the body.
fn host() -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets yew's scheduler render.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

#[wasm_bindgen_test]
fn span_tree_nests_statements_over_entities_and_keeps_all_text() {
    let ann = sample_annotation();
    let paras = spans::build(SAMPLE, &ann);
    assert_eq!(paras.len(), 2);
    // No text lost or duplicated, emoji (surrogate pair) intact.
    let lines: Vec<&str> = SAMPLE.lines().collect();
    assert_eq!(spans::plain(&paras[0].nodes), lines[0]);
    assert_eq!(spans::plain(&paras[1].nodes), lines[1]);
    // Paragraph 1: the position 某某集团CEO contains the organization 某某集团.
    let pos = paras[0].nodes.iter().find_map(|n| match n {
        Node::Mark(i, c) if i.kind == "position" => Some(c),
        _ => None,
    });
    assert!(matches!(pos.unwrap().first(), Some(Node::Mark(i, _)) if i.kind == "organization"));
    // The statement t1 contains the figure.
    let st = paras[0].nodes.iter().find_map(|n| match n {
        Node::Mark(i, c) if i.kind == "statement" => Some((i.clone(), c)),
        _ => None,
    });
    let (info, kids) = st.expect("statement t1 in paragraph 1");
    assert_eq!(info.statement.as_deref(), Some("t1"));
    assert_eq!(info.speaker.as_deref(), Some("张三"));
    assert!(kids.iter().any(|n| matches!(n, Node::Mark(i, c) if i.kind == "figure" && spans::plain(c) == "60.5%")));
    assert_eq!(paras[0].statements, vec!["t1".to_string()]);
    assert_eq!(paras[1].statements, vec!["t2".to_string()]);
}

#[wasm_bindgen_test]
fn first_render_takes_whole_paragraphs_up_to_a_screen() {
    use pizhu::web::app::article::first_batch;
    let para = |i: usize, chars: usize| Rc::new(spans::Para { index: i, statements: vec![], nodes: vec![Node::Text("字".repeat(chars))] });
    // 400-char paragraphs: three fit in 1,500 characters, the fourth does not.
    let long: Vec<_> = (0..10).map(|i| para(i, 400)).collect();
    assert_eq!(first_batch(&long), 3);
    // One paragraph larger than a screen is still rendered first.
    assert_eq!(first_batch(&[para(0, 5000), para(1, 10)]), 1);
    // Many short paragraphs: at most one batch (20).
    let short: Vec<_> = (0..50).map(|i| para(i, 10)).collect();
    assert_eq!(first_batch(&short), 20);
    assert_eq!(first_batch(&[]), 1);
}

#[wasm_bindgen_test]
fn span_tree_survives_garbage_offsets() {
    let mut ann = sample_annotation();
    ann.entities.push(EntityOut { kind: "person".into(), subkind: None, text: "?".into(), start: 1, end: 10_000 });
    ann.entities.push(EntityOut { kind: "figure".into(), subkind: None, text: "?".into(), start: 9, end: 3 });
    ann.statements[0].end = 1_000_000;
    let paras = spans::build(SAMPLE, &ann);
    let all: Vec<String> = paras.iter().map(|p| spans::plain(&p.nodes)).collect();
    assert_eq!(all.join("\n"), SAMPLE);
}

#[wasm_bindgen_test]
async fn paragraph_renders_nested_marks_as_text_only() {
    let ann = sample_annotation();
    let paras = spans::build(SAMPLE, &ann);
    let root = host();
    let para = Shared(Rc::new(paras[1].clone()));
    yew::Renderer::<Paragraph>::with_root_and_props(
        root.clone(),
        pizhu::web::app::article::ParagraphProps { para, current: Some("t2".into()), lang: Lang::Zh },
    )
    .render();
    settle().await;
    // The pasted markup is text, not an element.
    assert!(root.query_selector("img").unwrap().is_none(), "no <img> element");
    assert!(root.text_content().unwrap().contains("<img src=x onerror="));
    let st = root.query_selector("[data-kind=statement][data-statement=t2]").unwrap().expect("statement t2");
    assert_eq!(st.get_attribute("data-speaker").as_deref(), Some("张三"));
    assert_eq!(st.get_attribute("aria-current").as_deref(), Some("true"));
    assert!(st.class_list().contains("current") && st.class_list().contains("sp-0"));
    assert!(st.get_attribute("title").unwrap().contains("某某集团CEO"), "tooltip has the role");
    // The crossing organization was clipped to inside the statement.
    let org = st.query_selector("mark[data-kind=organization]").unwrap().expect("clipped org inside t2");
    assert_eq!(org.text_content().unwrap(), "利润，");
    assert!(root.query_selector("mark[data-kind=term]").unwrap().is_some());
    assert!(root.get_attribute("style").is_none() && root.query_selector("[style]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn speaker_card_lists_role_affiliation_and_statements() {
    let ann = sample_annotation();
    let root = host();
    yew::Renderer::<SpeakerCard>::with_root_and_props(
        root.clone(),
        SpeakerCardProps {
            speaker: ann.speakers[0].clone(),
            index: 0,
            // Grouped once per annotation by the panel (shared, compared by pointer).
            statements: Shared(Rc::new(ann.statements.clone())),
            current: Some("t1".into()),
            lang: Lang::Zh,
            onselect: Default::default(),
        },
    )
    .render();
    settle().await;
    let card = root.query_selector("[data-speaker=\"张三\"]").unwrap().expect("card");
    let text = card.text_content().unwrap();
    assert!(text.contains("人物") && text.contains("某某集团CEO") && text.contains("2 条言论"), "{text}");
    assert!(card.class_list().contains("current"));
    let items = card.query_selector_all("[data-statement]").unwrap();
    assert_eq!(items.length(), 2);
    let t1 = card.query_selector("[data-statement=t1]").unwrap().unwrap();
    assert!(t1.text_content().unwrap().contains("表示："), "indirect shows its cue");
    assert_eq!(t1.get_attribute("aria-current").as_deref(), Some("true"));
    let t2 = card.query_selector("[data-statement=t2] q").unwrap();
    assert!(t2.is_some(), "direct statement in quotation marks");
}

#[wasm_bindgen_test]
fn reducer_ignores_stale_results_and_steps_through_statements() {
    let s = Rc::new(State::new("a".into(), Lang::Zh, Default::default()));
    let s = s.reduce(Action::Edit("ab".into()));
    assert_eq!(s.generation, 1);
    let ann = Rc::new(sample_annotation());
    // A result for generation 0 arrives after the edit: ignored.
    let done = |g| Action::Done { generation: g, annotated: Shared(Rc::new(Annotated::new(SAMPLE.into(), ann.clone()))) };
    let s = s.reduce(done(0));
    assert!(s.annotated.is_none());
    let s = s.reduce(done(1));
    assert!(s.annotated.is_some());
    let s = s.reduce(Action::Step(1));
    assert_eq!(s.current.as_deref(), Some("t1"));
    let s = s.reduce(Action::Step(1));
    assert_eq!(s.current.as_deref(), Some("t2"));
    let s = s.reduce(Action::Step(1));
    assert_eq!(s.current.as_deref(), Some("t1"), "wraps");
    let s = s.reduce(Action::Step(-1));
    assert_eq!(s.current.as_deref(), Some("t2"));
    let s = s.reduce(Action::Select(Some("t1".into()), Origin::Panel));
    assert_eq!(s.selected_from.map(|(o, _)| o), Some(Origin::Panel));
    let s = s.reduce(Action::ToggleKind("person"));
    assert!(s.hidden.contains("person"));
    let s = s.reduce(Action::ToggleKind("person"));
    assert!(s.hidden.is_empty());
}

#[wasm_bindgen_test]
async fn mounted_widget_shows_config_text_and_restores_draft() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("pizhu-test-draft", "保存的草稿").unwrap();
    let root = host();
    let handle = mount(
        root.clone(),
        WidgetConfig { storage_key: Some("pizhu-test-draft".into()), show_input: true, ..Default::default() },
    );
    settle().await;
    let ta: web_sys::HtmlTextAreaElement =
        wasm_bindgen::JsCast::dyn_into(root.query_selector("[data-pizhu-input]").unwrap().unwrap()).unwrap();
    assert_eq!(ta.value(), "保存的草稿");
    handle.destroy();
    settle().await;
    assert!(root.query_selector("[data-pizhu-input]").unwrap().is_none(), "destroy unmounts");

    let root = host();
    let mut handle = mount(root.clone(), WidgetConfig { text: Some("甲".into()), ..Default::default() });
    settle().await;
    assert!(root.query_selector("[data-pizhu-input]").unwrap().is_none(), "show_input false hides the paste area");
    handle.update(WidgetConfig { text: Some("乙".into()), lang: Lang::En, ..Default::default() });
    settle().await;
    let w = root.query_selector(".pizhu").unwrap().unwrap();
    assert_eq!(w.get_attribute("lang").as_deref(), Some("en"));
}
