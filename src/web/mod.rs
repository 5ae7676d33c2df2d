//! Browser side (wasm only). Filled in by the widget work.
