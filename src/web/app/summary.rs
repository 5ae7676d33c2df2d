//! The summary: counts per kind, organizations with mention counts, figures.

use super::spans::KINDS;
use crate::contract::Annotation;
use crate::web::i18n::Lang;
use super::state::Shared;
use yew::prelude::*;

/// Highlight counts in [`KINDS`] order (statements, entities, terms/titles).
pub fn counts(ann: &Annotation) -> Vec<usize> {
    KINDS
        .iter()
        .map(|&k| match k {
            "statement" => ann.statements.len(),
            "term" => ann.quotes.iter().filter(|q| q.kind == "term").count(),
            k => ann.entities.iter().filter(|e| e.kind == k).count(),
        })
        .collect()
}

/// Organizations by mention count (desc), then first appearance.
pub fn organizations(ann: &Annotation) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for e in ann.entities.iter().filter(|e| e.kind == "organization") {
        match out.iter_mut().find(|(n, _)| *n == e.text) {
            Some((_, c)) => *c += 1,
            None => out.push((e.text.clone(), 1)),
        }
    }
    out.sort_by(|a, b| b.1.cmp(&a.1)); // stable: ties keep text order
    out
}

/// How many figures to list before "+N more" (long inputs have thousands).
const MAX_FIGURES: usize = 60;

/// Props of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The annotation.
    pub ann: Shared<Annotation>,
    /// UI language.
    pub lang: Lang,
}

/// The summary section.
#[function_component(Summary)]
pub fn summary(p: &SummaryProps) -> Html {
    let t = p.lang.t();
    let counts = counts(&p.ann);
    let orgs = organizations(&p.ann);
    // Each distinct figure once, in order of first appearance.
    let mut figures: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for e in p.ann.entities.iter().filter(|e| e.kind == "figure") {
        if seen.insert(e.text.as_str()) {
            figures.push(e.text.as_str());
        }
    }
    let more = figures.len().saturating_sub(MAX_FIGURES);
    html! {
        <section class="pz-summary" aria-labelledby="pz-summary-title">
            <h2 id="pz-summary-title" class="pz-h2">{t.summary}</h2>
            <ul class="pz-counts">
                { for KINDS.iter().zip(&counts).map(|(k, n)| html! {
                    <li data-count={*k}><span class={classes!("pz-dot", format!("k-{k}"))} aria-hidden="true"></span>{t.kind(k)}{" "}<b>{*n}</b></li>
                }) }
            </ul>
            <h3 class="pz-h3">{t.orgs_mentioned}</h3>
            if orgs.is_empty() { <p class="pz-none">{t.none}</p> } else {
                <ul class="pz-chips">{ for orgs.iter().take(40).map(|(n, c)| html! { <li data-org={n.clone()}>{n.clone()}<b>{format!(" ×{c}")}</b></li> }) }</ul>
            }
            <h3 class="pz-h3">{t.figures_found}</h3>
            if figures.is_empty() { <p class="pz-none">{t.none}</p> } else {
                <ul class="pz-chips">
                    { for figures.iter().take(MAX_FIGURES).map(|f| html! { <li class="k-figure">{f.to_string()}</li> }) }
                    if more > 0 { <li>{format!("+{more}")}</li> }
                </ul>
            }
        </section>
    }
}
