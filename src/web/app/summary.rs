//! The summary: counts per kind, organizations with mention counts, figures.

use super::dom;
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

/// The summary section, built in one call ([`super::dom`]) once per
/// annotation and language.
#[function_component(Summary)]
pub fn summary(p: &SummaryProps) -> Html {
    let el = use_memo((p.ann.clone(), p.lang), |(ann, lang)| {
        let counts = counts(ann);
        let orgs = organizations(ann);
        // Each distinct figure once, in order of first appearance.
        let mut figures: Vec<&str> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for e in ann.entities.iter().filter(|e| e.kind == "figure") {
            if seen.insert(e.text.as_str()) {
                figures.push(e.text.as_str());
            }
        }
        let mut w = dom::Writer::default();
        w.summary(&counts, &orgs, &figures, MAX_FIGURES, lang.t());
        w.build()
    });
    Html::VRef((*el).clone().into())
}
