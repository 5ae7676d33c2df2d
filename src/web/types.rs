//! TypeScript declarations for the JS API's plain-object arguments and
//! results; wasm-bindgen appends them to `pizhu.d.ts`.

use wasm_bindgen::prelude::*;

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

/** Detail of the `pizhu:annotated` event of `<pizhu-annotator>`. */
export type AnnotatedEvent = CustomEvent<Annotation>;
"#;
