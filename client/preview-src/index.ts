/**
 * Webview side of the xxgk preview, bundled by scripts/build.mjs into media/preview.js (build output, not committed)
 * and loaded from the extension's media folder under a nonce; no inline handlers.
 */
import { LineIndex, type LineEntry } from './scroll-sync';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
interface PreviewState {
  printed?: boolean;
  uri?: string;
}
type Incoming = { type: 'update'; html: string; uri: string; version: number } | { type: 'scrollToLine'; line: number };

declare function acquireVsCodeApi(): VsCodeApi;
declare global {
  interface Window {
    /** The source line at the top of the view; read by the browser tests. */
    xxgkTopLine: () => number | undefined;
  }
}

/** How far below the top of the view an element may start and still count as at the top (the toolbar's margin). */
const TOP_MARGIN = 8;

const vscode = acquireVsCodeApi();
const root = document.getElementById('xxgk-preview')!;
const printToggle = document.getElementById('xxgk-print-toggle')!;
let state: PreviewState = vscode.getState() ?? {};
// Scroll events caused by our own scrolling must not be echoed back to the editor.
let ignoreScrollUntil = 0;

/**
 * The `[data-line]` elements and where they start, measured once per rendered version and layout: dropped when the
 * content is replaced, when the page's size changes (window, fonts, the printed style), measured again when asked.
 * The problem summary is left out: it is sticky (its place on the page moves with the scroll, so it cannot be measured
 * once), and its items stand for problems further down, not for the text at the top of the view.
 */
let index: LineIndex<Element> | undefined;
function lineIndex(): LineIndex<Element> {
  if (index) return index;
  const entries: LineEntry<Element>[] = [];
  const scrollY = window.scrollY;
  for (const el of Array.from(root.querySelectorAll('[data-line]'))) {
    if (((el as HTMLElement).offsetParent === null && !el.getClientRects().length) || el.closest('.xxgk-summary')) continue;
    entries.push({ line: Number(el.getAttribute('data-line')), top: el.getBoundingClientRect().top + scrollY, element: el });
  }
  return (index = new LineIndex(entries));
}
const forgetLayout = () => (index = undefined);
new ResizeObserver(forgetLayout).observe(root);
window.addEventListener('resize', forgetLayout);

function setPrinted(on: boolean): void {
  document.body.classList.toggle('xxgk-printed', on);
  printToggle.setAttribute('aria-pressed', String(on));
  state = { ...state, printed: on };
  vscode.setState(state);
  forgetLayout();
}
setPrinted(!!state.printed);
printToggle.addEventListener('click', () => setPrinted(!document.body.classList.contains('xxgk-printed')));

function scrollToLine(line: number): void {
  const el = lineIndex().elementForLine(line);
  ignoreScrollUntil = Date.now() + 100;
  if (!el) return window.scrollTo(0, 0);
  const top = el.getBoundingClientRect().top + window.scrollY - TOP_MARGIN;
  window.scrollTo(0, Math.max(0, top));
}

const topLine = () => lineIndex().lineAt(window.scrollY + TOP_MARGIN);
window.xxgkTopLine = topLine;

window.addEventListener('message', (event: MessageEvent<Incoming>) => {
  const message = event.data;
  if (message.type === 'update') {
    // Replace the content in place: the page keeps its scroll position and does not flash.
    const y = window.scrollY;
    ignoreScrollUntil = Date.now() + 100;
    root.innerHTML = message.html;
    forgetLayout();
    window.scrollTo(0, y);
    state = { ...state, uri: message.uri };
    vscode.setState(state);
    document.body.setAttribute('data-ready', String(message.version));
  } else if (message.type === 'scrollToLine') {
    scrollToLine(message.line);
  }
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  if (Date.now() < ignoreScrollUntil) return;
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    const line = topLine();
    if (line !== undefined) vscode.postMessage({ type: 'revealLine', line });
  }, 50);
});

root.addEventListener('dblclick', (event) => {
  const el = event.target instanceof Element ? event.target.closest('[data-line]') : null;
  if (!el) return;
  const column = el.classList.contains('xxgk-label') ? 'label' : el.getAttribute('data-col') || undefined;
  vscode.postMessage({ type: 'openSource', line: Number(el.getAttribute('data-line')), column });
});

// The summary bar: a click on it (or on one of its problems) goes to the first problem, or that one.
root.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const bar = target?.closest('.xxgk-summary');
  if (!target || !bar) return;
  const item = target.closest('[data-line]');
  const first = item ?? root.querySelector('.xxgk-problem[data-line]') ?? root.querySelector('.xxgk-problem');
  if (!first) return;
  const line = first.getAttribute('data-line');
  const inDoc = line !== null ? Array.from(root.querySelectorAll(`.xxgk-problem[data-line="${line}"]`)).find((el) => !el.closest('.xxgk-summary')) : undefined;
  (inDoc ?? first).scrollIntoView({ block: 'center' });
  if (line !== null) vscode.postMessage({ type: 'openSource', line: Number(line) });
});

vscode.postMessage({ type: 'ready' });
