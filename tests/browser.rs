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
