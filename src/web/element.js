// Defines <pizhu-annotator>. A class extending HTMLElement cannot be written
// in Rust, so this snippet is only the class shell; every callback forwards
// to Rust (src/web/element.rs). No eval, no inline style: strict-CSP safe.
export function definePizhuElement(name, observed, hooks) {
  if (typeof customElements === 'undefined' || customElements.get(name)) return false;
  class PizhuAnnotator extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() {
      hooks.connected(this);
      // Text given as the element's own content may arrive after connection
      // (created by script, or streamed by the parser); re-read it then.
      if (!this.__pizhuObserver) {
        this.__pizhuObserver = new MutationObserver(() => hooks.changed(this, '#content'));
      }
      this.__pizhuObserver.observe(this, { childList: true, characterData: true, subtree: true });
    }
    disconnectedCallback() {
      if (this.__pizhuObserver) this.__pizhuObserver.disconnect();
      hooks.disconnected(this);
    }
    attributeChangedCallback(attr, before, after) {
      if (before !== after && this.isConnected) hooks.changed(this, attr);
    }
    /** The latest annotation (also the detail of `pizhu:annotated`), or null. */
    get annotation() { return this.__pizhuAnnotation ? this.__pizhuAnnotation() : null; }
  }
  // Properties reflect the attributes, as built-in elements do.
  for (const attr of observed) {
    if (attr === 'lang') continue; // HTMLElement already reflects lang
    const prop = attr.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    const flag = attr === 'editable';
    Object.defineProperty(PizhuAnnotator.prototype, prop, {
      get() { return flag ? this.hasAttribute(attr) : this.getAttribute(attr); },
      set(v) {
        if (flag ? !v : v === null || v === undefined) this.removeAttribute(attr);
        else this.setAttribute(attr, flag ? '' : String(v));
      },
    });
  }
  customElements.define(name, PizhuAnnotator);
  return true;
}

// Dispatches `pizhu:annotated` on `el` with the annotation JSON string `json`
// as a lazily parsed detail: JSON.parse runs the first time a listener reads
// `detail` (or `el.annotation`), and every reader gets that same object.
// Parsing a 200,000-character article's annotation nobody reads would be a
// long main-thread task; so is building it field by field from wasm.
// `json` may also be a function returning the string (an annotation made on
// the main thread, not serialized yet): it is called once, when a reader
// first needs it or else when the page is idle, so serializing is not in
// the way of the widget's first paint.
export function fireAnnotated(el, json) {
  let value;
  let text = typeof json === 'function' ? undefined : json;
  let make = typeof json === 'function' ? json : undefined;
  const str = () => {
    if (make) {
      const f = make;
      make = undefined;
      text = f();
    }
    return text;
  };
  if (make) {
    // Called once in any case: the Rust side frees it then.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(str, { timeout: 1000 });
    else setTimeout(str, 250);
  }
  const get = () => {
    if (value === undefined) value = JSON.parse(str());
    return value;
  };
  el.__pizhuAnnotation = get;
  const ev = new CustomEvent('pizhu:annotated', { bubbles: true, composed: true });
  // An own getter shadows CustomEvent.prototype.detail (null here).
  Object.defineProperty(ev, 'detail', { get, enumerable: true, configurable: true });
  el.dispatchEvent(ev);
}
