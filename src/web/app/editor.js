// The paste area for long drafts: a contenteditable="plaintext-only" element
// holding the text as blocks of whole lines (one <div> per block of about
// BLOCK characters), so the browser lays the text out block by block. A
// <textarea> is one text layout: with 200,000 characters every paste,
// focus and keystroke re-laid it all out, a 150–800 ms task here.
//
// - Text only ever goes in as text nodes (never innerHTML).
// - Paste and drop are handled here: the plain text replaces the selection
//   in the model and the blocks are rebuilt a few per task, each task
//   laying out only what it added (no long task, whatever the size).
// - Typing, Enter, deleting are the browser's own (fast: one block changes);
//   the model is read back from the changed block after each input.
// - Undo/redo is this editor's own (the browser's cannot follow rebuilt
//   blocks): each change is kept as a small splice.
// - `el.value` is the text, as on the <textarea> this replaces.
// Called from Rust (src/web/app/long_input.rs); no eval, no inline style.

const BLOCK = 2000; // characters per block, about (blocks end at line ends)
const SLICE = 4; // blocks appended per task while (re)building (~8,000 characters to lay out)
const HISTORY = 200; // undo steps kept

/** Splits `text` at line ends into blocks of about BLOCK characters; the
 *  blocks joined with "\n" are `text` again. */
function blocksOf(text) {
  const out = [];
  let start = 0;
  for (;;) {
    let end = start + BLOCK;
    if (end >= text.length) {
      out.push(text.slice(start));
      return out;
    }
    end = text.indexOf('\n', end);
    if (end < 0) {
      out.push(text.slice(start));
      return out;
    }
    out.push(text.slice(start, end));
    start = end + 1;
  }
}

/** The text a block element holds: its text nodes, a <br> that is not the
 *  block's last node as a line break (the last one only holds an empty line open). */
function blockText(el) {
  if (el.nodeType === Node.TEXT_NODE) return el.data;
  let s = '';
  const nodes = el.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.nodeType === Node.TEXT_NODE) s += n.data;
    else if (n.nodeName === 'BR') { if (i < nodes.length - 1) s += '\n'; }
    else s += blockText(n);
  }
  return s;
}

/** A block element for `text` (a <br> keeps an empty block one line high). */
function blockEl(doc, text) {
  const d = doc.createElement('div');
  if (text) d.textContent = text;
  else d.append(doc.createElement('br'));
  return d;
}

/** Makes `root` (an empty element) the editor. `onChange(text)` gets the
 *  whole text after every change the user makes. Returns the handle Rust keeps. */
export function createEditor(root, onChange) {
  const doc = root.ownerDocument;
  let blocks = ['']; // the model: the text is blocks.join('\n')
  let building = 0; // the running rebuild's number (0: none); a stale rebuild stops
  let pendingCaret; // where the caret goes when the running rebuild is done
  let touched = null; // [first, last] block the next input edits, from its beforeinput
  let runs = 0;
  const undo = [], redo = [];

  const text = () => blocks.join('\n');
  Object.defineProperty(root, 'value', { get: text, configurable: true });
  root.append(blockEl(doc, ''));

  /** The selection of the tree the editor is in (a shadow root's own, where
   *  the browser has one: the document's hides nodes inside shadow trees). */
  const getSel = () => {
    const tree = root.getRootNode();
    if (tree.getSelection) return tree.getSelection();
    return doc.getSelection ? doc.getSelection() : null;
  };
  const focused = () => root.getRootNode().activeElement === root;

  /** Index of the block holding DOM node `n` (a child of root, or inside one). */
  const blockIndex = (n) => {
    while (n && n.parentNode !== root) n = n.parentNode;
    return n ? Array.prototype.indexOf.call(root.childNodes, n) : -1;
  };

  /** Model offset of DOM position (node, offset), or -1 outside the editor. */
  const offsetOf = (node, offset) => {
    if (node === root) {
      let at = 0;
      for (let i = 0; i < offset && i < blocks.length; i++) at += blocks[i].length + 1;
      return Math.min(at, text().length);
    }
    const i = blockIndex(node);
    if (i < 0) return -1;
    let at = 0;
    for (let k = 0; k < i; k++) at += blocks[k].length + 1;
    // Characters before (node, offset) inside block i.
    const r = doc.createRange();
    r.setStart(root.childNodes[i], 0);
    r.setEnd(node, offset);
    return at + blockText(r.cloneContents()).length;
  };

  /** Puts the caret at model offset `at`. */
  const placeCaret = (at) => {
    let i = 0;
    while (i < blocks.length - 1 && at > blocks[i].length) { at -= blocks[i].length + 1; i++; }
    const el = root.childNodes[i];
    if (!el) return;
    const t = el.firstChild && el.firstChild.nodeType === Node.TEXT_NODE ? el.firstChild : null;
    const sel = getSel();
    if (!sel) return;
    const r = doc.createRange();
    if (t) r.setStart(t, Math.min(at, t.data.length)); else r.setStart(el, 0);
    r.collapse(true);
    sel.removeAllRanges();
    sel.addRange(r);
  };

  /** The block holding model offset `at` (at its end when `at` is the
   *  line break after it) and that block's first offset. */
  const locate = (at) => {
    let i = 0, base = 0;
    while (i < blocks.length - 1 && at > base + blocks[i].length) { base += blocks[i].length + 1; i++; }
    return [i, base];
  };

  /** Shows `fresh` blocks in place of blocks `from..to` (exclusive) and puts
   *  the caret at `caret` when done. A few blocks are replaced at once;
   *  more are inserted SLICE per task, each task forcing its own layout so
   *  no task lays out more (the editor is read-only meanwhile). */
  const replaceBlocks = (from, to, fresh, caret) => {
    const old = [...root.childNodes].slice(from, to);
    const before = root.childNodes[to] || null;
    blocks.splice(from, to - from, ...fresh);
    if (fresh.length <= SLICE) {
      const f = doc.createDocumentFragment();
      for (const b of fresh) f.append(blockEl(doc, b));
      for (const n of old) n.remove();
      root.insertBefore(f, before);
      if (caret !== undefined && focused()) placeCaret(caret);
      return;
    }
    const run = (building = ++runs);
    for (const n of old) n.remove();
    let i = 0;
    const step = () => {
      if (run !== building || !root.isConnected) return;
      const f = doc.createDocumentFragment();
      for (const end = Math.min(fresh.length, i + SLICE); i < end; i++) f.append(blockEl(doc, fresh[i]));
      root.insertBefore(f, before);
      void root.scrollHeight; // lay out this slice now, in this task
      if (i < fresh.length) setTimeout(step, 0);
      else {
        building = 0;
        const at = caret !== undefined ? caret : pendingCaret;
        pendingCaret = undefined;
        if (at !== undefined && focused()) placeCaret(at);
      }
    };
    // Not in the caller's task either (the widget's mount, a paste event).
    setTimeout(step, 0);
  };

  /** Replaces model characters start..end with `ins` and shows it, touching
   *  only the blocks that hold that range. */
  const apply = (start, end, ins, caret) => {
    const [bi, b0] = locate(start);
    const [bj] = locate(end);
    const region = blocks.slice(bi, bj + 1).join('\n');
    const fresh = blocksOf(region.slice(0, start - b0) + ins + region.slice(end - b0));
    replaceBlocks(bi, bj + 1, fresh, caret);
  };

  /** Shows `t` (a change from outside) as one splice of what differs. */
  const show = (t, caret) => {
    const old = text();
    let p = 0;
    while (p < old.length && p < t.length && old.charCodeAt(p) === t.charCodeAt(p)) p++;
    let q = 0;
    while (q < old.length - p && q < t.length - p && old.charCodeAt(old.length - 1 - q) === t.charCodeAt(t.length - 1 - q)) q++;
    apply(p, old.length - q, t.slice(p, t.length - q), caret);
  };

  /** Replaces model characters start..end with `ins`, recording undo. */
  const splice = (start, end, ins) => {
    const t = text();
    undo.push({ start, removed: t.slice(start, end), inserted: ins });
    if (undo.length > HISTORY) undo.shift();
    redo.length = 0;
    apply(start, end, ins, start + ins.length);
    onChange(text());
  };

  /** The selection as model offsets [start, end], or null. */
  const selection = () => {
    const sel = getSel();
    const range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
    if (!range) return null;
    const a = offsetOf(range.startContainer, range.startOffset), b = offsetOf(range.endContainer, range.endOffset);
    return a < 0 || b < 0 ? null : [Math.min(a, b), Math.max(a, b)];
  };

  const onPaste = (e) => {
    const data = e.clipboardData || e.dataTransfer;
    if (!data) return;
    e.preventDefault();
    if (building) return; // read-only while blocks are being built
    const ins = data.getData('text/plain').replace(/\r\n?/g, '\n');
    const [start, end] = selection() || [text().length, text().length];
    splice(start, end, ins);
  };

  /** After the browser's own edit: read the model back from the DOM (only
   *  the focused block when the block structure is intact). */
  const onInput = () => {
    const before = text();
    const kids = root.childNodes;
    const sel = getSel();
    const i = sel && sel.focusNode ? blockIndex(sel.focusNode) : -1;
    if (kids.length === blocks.length && i >= 0 && kids[i].nodeName === 'DIV') {
      // The browser edits in place: the blocks the edit's range touched
      // (a deletion across blocks moves a line from one into the other) and
      // the caret's, with its neighbours, are read again.
      const [a, b] = touched || [i, i];
      touched = null;
      for (let k = Math.max(0, Math.min(a, i) - 1); k <= Math.min(kids.length - 1, Math.max(b, i) + 1); k++) {
        blocks[k] = blockText(kids[k]);
      }
    } else {
      // Blocks merged or split (a deletion across blocks), or top-level
      // nodes outside any block (everything selected and replaced): every
      // <div> is a block, a run of other nodes is one too.
      const next = [];
      let line = null;
      for (const n of kids) {
        if (n.nodeName === 'DIV') {
          if (line !== null) { next.push(line); line = null; }
          next.push(blockText(n));
        } else {
          line = (line || '') + (n.nodeName === 'BR' ? '' : blockText(n));
        }
      }
      const loose = line !== null || [...kids].some((n) => n.nodeName !== 'DIV');
      if (line !== null || !next.length) next.push(line || '');
      blocks = next;
      // Loose nodes go back into blocks; at once when the text is short (the
      // usual case: all of it was replaced), so typing never waits for it.
      if (loose) {
        const caret = selection();
        const t = text();
        // Every node out, the same text back in as blocks (at once when short).
        const all = blocksOf(t);
        blocks = [...kids].map(() => '');
        replaceBlocks(0, kids.length, all, caret ? caret[1] : undefined);
      }
    }
    const after = text();
    if (after === before) return;
    // Record the change as one splice (common prefix and suffix trimmed).
    let p = 0;
    while (p < before.length && p < after.length && before.charCodeAt(p) === after.charCodeAt(p)) p++;
    let s = 0;
    while (s < before.length - p && s < after.length - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
    undo.push({ start: p, removed: before.slice(p, before.length - s), inserted: after.slice(p, after.length - s) });
    if (undo.length > HISTORY) undo.shift();
    redo.length = 0;
    onChange(after);
  };

  /** Undoes (or redoes) one step of this editor's own history. */
  const history = (isUndo) => {
    if (building) return;
    const [from, to] = isUndo ? [undo, redo] : [redo, undo];
    const step = from.pop();
    if (!step) return;
    const [out, put] = isUndo ? [step.inserted, step.removed] : [step.removed, step.inserted];
    to.push(step);
    apply(step.start, step.start + out.length, put, step.start + put.length);
    onChange(text());
  };

  const onBeforeInput = (e) => {
    // While blocks are being built the DOM is not the whole text yet: no edits.
    if (building) {
      e.preventDefault();
      return;
    }
    const ranges = e.getTargetRanges ? e.getTargetRanges() : [];
    if (ranges.length) {
      const first = ranges[0], last = ranges[ranges.length - 1];
      const a = blockIndex(first.startContainer), b = blockIndex(last.endContainer);
      // An edit across blocks (or of all of them) is made here, on the text:
      // the browser's own merges blocks unevenly and leaves stray lines.
      if (a !== b || a < 0) {
        const ins = e.inputType.startsWith('delete') ? ''
          : e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph' ? '\n'
          : e.inputType === 'insertText' || e.inputType === 'insertReplacementText'
            ? (e.data !== null ? e.data : e.dataTransfer ? e.dataTransfer.getData('text/plain') : null)
            : null;
        const x = offsetOf(first.startContainer, first.startOffset), y = offsetOf(last.endContainer, last.endOffset);
        if (ins !== null && x >= 0 && y >= 0) {
          e.preventDefault();
          splice(Math.min(x, y), Math.max(x, y), ins.replace(/\r\n?/g, '\n'));
          return;
        }
      }
      // Remember which blocks the edit covers (read again after it).
      touched = a >= 0 && b >= 0 ? [Math.min(a, b), Math.max(a, b)] : null;
    }
    // Undo/redo from a menu (the keys are handled below).
    if (e.inputType === 'historyUndo' || e.inputType === 'historyRedo') {
      e.preventDefault();
      history(e.inputType === 'historyUndo');
    }
  };

  // The browser offers redo only when its own history has a step to redo,
  // and this editor's history is not the browser's: the keys come here.
  const onKeyDown = (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'z' || k === 'y') {
      e.preventDefault();
      history(k === 'z' && !e.shiftKey);
    }
  };

  const onDrop = (e) => onPaste(e);
  root.addEventListener('paste', onPaste);
  root.addEventListener('drop', onDrop);
  root.addEventListener('input', onInput);
  root.addEventListener('beforeinput', onBeforeInput);
  root.addEventListener('keydown', onKeyDown);

  return {
    /** Shows `t` (changed from outside: restored draft, clear, sample, config). */
    setText(t) {
      if (t === text()) return;
      undo.length = 0;
      redo.length = 0;
      show(t);
    },
    /** Takes the focus, the caret at the end once the text is shown (the
     *  editor replaced a focused <textarea> that a long text was pasted into). */
    focusEnd() {
      root.focus({ preventScroll: true });
      if (building) pendingCaret = text().length;
      else placeCaret(text().length);
    },
    /** Detaches the listeners (the element is going away). */
    destroy() {
      building = ++runs;
      root.removeEventListener('paste', onPaste);
      root.removeEventListener('drop', onDrop);
      root.removeEventListener('input', onInput);
      root.removeEventListener('beforeinput', onBeforeInput);
      root.removeEventListener('keydown', onKeyDown);
    },
  };
}

/** For the small drafts' <textarea>: a paste that would make the draft
 *  longer than `limit` characters is taken here instead of by the browser
 *  (whose paste of 200,000 characters into a <textarea> is one 250–800 ms
 *  task). Returns the new text (the widget then shows it in the long
 *  editor), or undefined to let the browser paste. */
export function takeLongPaste(ta, e, limit) {
  const data = e.clipboardData;
  if (!data) return undefined;
  const ins = data.getData('text/plain');
  if (ta.value.length - (ta.selectionEnd - ta.selectionStart) + ins.length <= limit) return undefined;
  e.preventDefault();
  return ta.value.slice(0, ta.selectionStart) + ins.replace(/\r\n?/g, '\n') + ta.value.slice(ta.selectionEnd);
}
