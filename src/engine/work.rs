//! A per-thread count of the steps the engine's text-dependent scans take
//! (chars walked, table lookups, entries compared), for tests that prove
//! linear growth by comparing the count across input sizes instead of
//! timing anything. Scans whose length is bounded by a constant do not
//! report; the ones that grow with the text do, once per scan (a counter
//! bump, no work per char).

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Records `n` steps of a scan.
pub(crate) fn add(n: usize) {
    STEPS.with(|s| s.set(s.get().wrapping_add(n as u64)));
}

/// The steps counted on this thread since the last call; resets the count.
pub fn take() -> u64 {
    STEPS.with(|s| s.replace(0))
}
