// The CMS demo's script (external: the page may run under a strict CSP).
// Loads pizhu through the embed loader (it registers <pizhu-annotator>), then highlights the
// article in place. Add ?manual to the URL to start without highlights
// (the browser tests drive highlight() themselves).
import { ready, highlight } from '../pizhu-embed.js';

await ready;

const story = document.getElementById('story');
const buttons = {
  highlight: document.getElementById('btn-highlight'),
  docked: document.getElementById('btn-docked'),
  floating: document.getElementById('btn-floating'),
};
let handle = null;
let panel = null;

function render() {
  buttons.highlight.setAttribute('aria-pressed', String(handle !== null));
  buttons.docked.setAttribute('aria-pressed', String(panel === 'docked'));
  buttons.floating.setAttribute('aria-pressed', String(panel === 'floating'));
}

function setHighlight(on) {
  if (on && !handle) handle = highlight(story);
  if (!on && handle) { handle.dispose(); handle = null; panel = null; }
  render();
}

function setPanel(position) {
  if (!handle) setHighlight(true);
  if (panel === position) { handle.hidePanel(); panel = null; }
  else { handle.showPanel({ position }); panel = position; }
  render();
}

buttons.highlight.addEventListener('click', () => setHighlight(!handle));
buttons.docked.addEventListener('click', () => setPanel('docked'));
buttons.floating.addEventListener('click', () => setPanel('floating'));

if (!new URLSearchParams(location.search).has('manual')) {
  setPanel('docked');
}
