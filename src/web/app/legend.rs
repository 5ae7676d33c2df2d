//! The legend: one toggle button per kind, doubling as the kind filter.

use super::spans::KINDS;
use crate::web::i18n::Lang;
use std::collections::BTreeSet;
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// How many highlights of each kind (legend order of [`KINDS`]).
    pub counts: Vec<usize>,
    /// Kinds switched off.
    pub hidden: BTreeSet<&'static str>,
    /// UI language.
    pub lang: Lang,
    /// A kind was toggled.
    pub ontoggle: Callback<&'static str>,
}

/// The legend.
#[function_component(Legend)]
pub fn legend(p: &LegendProps) -> Html {
    let t = p.lang.t();
    html! {
        <div class="pz-legend" role="group" aria-label={t.legend}>
            { for KINDS.iter().enumerate().map(|(i, &k)| {
                let on = !p.hidden.contains(k);
                let ontoggle = p.ontoggle.clone();
                let onclick = Callback::from(move |_: MouseEvent| ontoggle.emit(k));
                let n = p.counts.get(i).copied().unwrap_or(0);
                html! {
                    <button type="button" class={classes!("pz-key", format!("k-{k}"), (!on).then_some("off"))}
                        data-kind-toggle={k} aria-pressed={if on { "true" } else { "false" }} {onclick}>
                        <span class="pz-sample" aria-hidden="true">{t.kind(k)}</span>
                        <span class="pz-key-n">{n}</span>
                    </button>
                }
            }) }
        </div>
    }
}
