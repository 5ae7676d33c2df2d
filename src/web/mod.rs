//! Browser side (wasm only): the JS API, the yew widget and the custom element.

pub mod api;
pub mod options;
pub mod types;
