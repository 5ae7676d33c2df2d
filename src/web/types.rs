//! TypeScript declarations for the JS API's plain-object arguments and
//! results; wasm-bindgen appends them to `pizhu.d.ts`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `AnnotateOptions` in TypeScript; any JS value at run time (validated by the callee).
    #[wasm_bindgen(typescript_type = "AnnotateOptions")]
    pub type AnnotateOptions;
    /// `HighlightOptions` in TypeScript; validated by the callee.
    #[wasm_bindgen(typescript_type = "HighlightOptions")]
    pub type HighlightOptions;
    /// `PanelOptions` in TypeScript; validated by the callee.
    #[wasm_bindgen(typescript_type = "PanelOptions")]
    pub type PanelOptions;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Entity kinds the engine labels. */
export type EntityKind = "organization" | "person" | "position" | "figure" | "work";

/** Options for `annotate`. */
export interface AnnotateOptions {
  /** Keep only these entity kinds (default: all). */
  kinds?: EntityKind[];
}

/** A half-open range of UTF-16 code units: `text === input.slice(start, end)`. */
export interface TextSpan { text: string; start: number; end: number; }

/** A source of statements. */
export interface Speaker {
  id: string;
  name: string;
  kind: "person" | "organization" | "anonymous";
  roles: string[];
  title: string | null;
  affiliation: string | null;
  aliases: string[];
  mentions: TextSpan[];
  statements: string[];
}

/** A direct (quoted) or indirect (reported) statement. */
export interface Statement {
  id: string;
  speaker: string | null;
  speakers: string[];
  kind: "direct" | "indirect";
  cue: TextSpan | null;
  text: string;
  start: number;
  end: number;
}

/** A labelled span. */
export interface Entity {
  kind: EntityKind;
  subkind: "company" | "government" | "media" | "other" | "percent" | "money" | "date" | "quantity" | "number" | null;
  text: string;
  start: number;
  end: number;
}

/** Words inside quotation marks. */
export interface Quote {
  kind: "speech" | "term" | "title";
  text: string;
  start: number;
  end: number;
  closed: boolean;
}

/** The annotation JSON, version 1. All offsets are UTF-16 code units. */
export interface Annotation {
  version: 1;
  length: number;
  speakers: Speaker[];
  statements: Statement[];
  entities: Entity[];
  quotes: Quote[];
}

/** Options for `highlight`. */
export interface HighlightOptions {
  /** Highlight only these entity kinds (default: all). */
  kinds?: EntityKind[];
  /** Also mark quotations (default true). */
  quotes?: boolean;
  /** Also underline statements (default true). */
  statements?: boolean;
  /** Show the who-said-what panel at once. */
  panel?: "floating" | "docked";
  /** Panel language (default "zh"). */
  lang?: "zh" | "en";
}

/** Options for `HighlightHandle.showPanel`. */
export interface PanelOptions {
  /** `floating`: fixed at the viewport's right edge; `docked`: right after the article. */
  position?: "floating" | "docked";
  /** Panel language (default "zh"). */
  lang?: "zh" | "en";
}

/** Options for `toWebAnnotation`. */
export interface WebAnnotationOptions {
  /** IRI of the annotated document, used as each target's `source`. */
  source: string;
  /** The annotated text itself (needed for prefix/suffix and code-point positions). */
  text: string;
}

/** A W3C Web Annotation selector pair for one span. */
export interface WebAnnotationTarget {
  source: string;
  selector: [
    { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
    /** Positions in Unicode code points, as the Web Annotation model specifies. */
    { type: "TextPositionSelector"; start: number; end: number },
  ];
}

/** One W3C Web Annotation (JSON-LD). */
export interface WebAnnotation {
  id: string;
  type: "Annotation";
  motivation: "tagging" | "describing";
  body: { type: "TextualBody"; purpose: string; value: string; format?: string }[];
  target: WebAnnotationTarget;
}

/** What `toWebAnnotation` returns: a W3C AnnotationCollection with one page. */
export interface WebAnnotationCollection {
  "@context": "http://www.w3.org/ns/anno.jsonld";
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { type: "AnnotationPage"; startIndex: 0; items: WebAnnotation[] };
}

/** Detail of the `pizhu:annotated` event of `<pizhu-annotator>`. */
export type AnnotatedEvent = CustomEvent<Annotation>;

/** `<pizhu-annotator>`: properties reflect the attributes of the same name. */
export interface PizhuAnnotatorElement extends HTMLElement {
  text: string | null;
  src: string | null;
  /** Comma list: organization, person, position, figure, work, term, statement. */
  kinds: string | null;
  panel: "side" | "below" | null;
  editable: boolean;
  storageKey: string | null;
  /** The latest annotation, or null before the first one. */
  readonly annotation: Annotation | null;
}

declare global {
  interface HTMLElementTagNameMap { "pizhu-annotator": PizhuAnnotatorElement; }
  interface HTMLElementEventMap { "pizhu:annotated": AnnotatedEvent; "pizhu:error": CustomEvent<string>; }
}
"#;
