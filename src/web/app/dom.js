// Builds a subtree of the widget (a paragraph with its highlights, a card's
// statement list, the summary) in one
// call from a compact description, instead of one wasm→JS call per node and
// attribute (yew's vdom made ~5,000 such calls for a 3,000-character article,
// in cold first-tier wasm code: the largest part of the first render).
//
// `buf` holds every string of the subtree (text and attribute values) back to
// back; `ops` is a flat Uint32Array of instructions whose string operands are
// [start, end) UTF-16 offsets into `buf`:
//   OPEN  tag n (name start end)×n   a new element, child of the open one
//   TEXT  start end                  a text node (never parsed as HTML)
//   CLOSE                            back to the parent
// Tag and attribute names are codes into the tables below, so no name ever
// comes from the text. Only createElement, createTextNode and setAttribute are
// used: pasted text stays text (no innerHTML), and a strict CSP holds.
// Called from Rust (src/web/app/dom.rs), which writes the same codes.

const OPEN = 0, TEXT = 1, CLOSE = 2;
const TAGS = ['p', 'mark', 'span', 'ol', 'li', 'button', 'q', 'section', 'h2', 'h3', 'ul', 'b'];
const ATTRS = ['class', 'data-kind', 'title', 'data-speaker', 'data-statement', 'tabindex', 'aria-current', 'type',
  'id', 'aria-labelledby', 'aria-hidden', 'data-count', 'data-org'];

/** The root element described by `ops` (detached; the caller inserts it). */
export function pizhu_build(buf, ops) {
  const stack = [];
  let root = null;
  let el = null;
  for (let i = 0; i < ops.length;) {
    const op = ops[i++];
    if (op === TEXT) {
      el.appendChild(document.createTextNode(buf.slice(ops[i], ops[i + 1])));
      i += 2;
    } else if (op === OPEN) {
      const child = document.createElement(TAGS[ops[i]]);
      const n = ops[i + 1];
      i += 2;
      for (let k = 0; k < n; k++, i += 3) child.setAttribute(ATTRS[ops[i]], buf.slice(ops[i + 1], ops[i + 2]));
      if (el) {
        el.appendChild(child);
        stack.push(el);
      } else {
        root = child;
      }
      el = child;
    } else {
      el = stack.pop() || null;
    }
  }
  return root;
}
