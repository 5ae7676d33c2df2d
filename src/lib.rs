//! 批注 pizhu: finds who said what in Chinese news text.
//!
//! - [`engine`]: the pure-Rust annotator (byte offsets, no web imports).
//! - [`contract`]: the annotation JSON v1 (UTF-16 offsets), shared by the CLI and the JS API.
//! - `web` (wasm only): the yew widget, the JS API and the `<pizhu-annotator>` element.

pub mod contract;
pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod web;
