// The one script a CMS page includes: loads pizhu (which registers
// <pizhu-annotator>). Re-exports the API, and `ready` for scripts that
// want to call it:  import { ready, highlight } from './pizhu-embed.js';
import init from './pizhu.js';

export * from './pizhu.js';
/** Resolves once the module is instantiated and the element is defined. */
export const ready = init();
await ready;
