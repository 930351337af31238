// Webview side of the xxgk preview. Loaded from the extension's media folder under a nonce; no inline handlers.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('xxgk-preview');
  const printToggle = document.getElementById('xxgk-print-toggle');
  let state = vscode.getState() || {};
  // Scroll events caused by our own scrolling must not be echoed back to the editor.
  let ignoreScrollUntil = 0;

  function setPrinted(on) {
    document.body.classList.toggle('xxgk-printed', on);
    printToggle.setAttribute('aria-pressed', String(on));
    state = Object.assign({}, state, { printed: on });
    vscode.setState(state);
  }
  setPrinted(!!state.printed);
  printToggle.addEventListener('click', () => setPrinted(!document.body.classList.contains('xxgk-printed')));

  function lineElements() {
    return Array.prototype.filter.call(root.querySelectorAll('[data-line]'), (el) => el.offsetParent !== null || el.getClientRects().length);
  }

  /** The element for a source line: the last one starting at or before it. */
  function elementForLine(line) {
    let best;
    for (const el of lineElements()) {
      const n = Number(el.getAttribute('data-line'));
      if (n <= line && (!best || n >= Number(best.getAttribute('data-line')))) best = el;
    }
    return best;
  }

  function scrollToLine(line) {
    const el = elementForLine(line);
    ignoreScrollUntil = Date.now() + 100;
    if (!el) return window.scrollTo(0, 0);
    const top = el.getBoundingClientRect().top + window.scrollY - 8;
    window.scrollTo(0, Math.max(0, top));
  }

  /**
   * The source line at the top of the view: the greatest line among elements that start at or above it (a section
   * that encloses the view starts above it too, but an inner row nearer the top has the greater line).
   */
  function topLine() {
    let line;
    let firstBelow;
    for (const el of lineElements()) {
      const n = Number(el.getAttribute('data-line'));
      const top = el.getBoundingClientRect().top;
      if (top <= 8) line = line === undefined ? n : Math.max(line, n);
      else if (firstBelow === undefined || n < firstBelow) firstBelow = n;
    }
    return line !== undefined ? line : firstBelow;
  }
  window.xxgkTopLine = topLine;

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'update') {
      // Replace the content in place: the page keeps its scroll position and does not flash.
      const y = window.scrollY;
      ignoreScrollUntil = Date.now() + 100;
      root.innerHTML = message.html;
      window.scrollTo(0, y);
      state = Object.assign({}, state, { uri: message.uri });
      vscode.setState(state);
      document.body.setAttribute('data-ready', String(message.version));
    } else if (message.type === 'scrollToLine') {
      scrollToLine(message.line);
    }
  });

  let scrollTimer;
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
    const bar = target && target.closest('.xxgk-summary');
    if (!bar) return;
    const item = target.closest('[data-line]');
    const first = item || root.querySelector('.xxgk-problem[data-line]') || root.querySelector('.xxgk-problem');
    if (!first) return;
    const line = first.getAttribute('data-line');
    const inDoc = line !== null ? Array.prototype.find.call(root.querySelectorAll('.xxgk-problem[data-line="' + line + '"]'), (el) => !el.closest('.xxgk-summary')) : null;
    (inDoc || first).scrollIntoView({ block: 'center' });
    if (line !== null) vscode.postMessage({ type: 'openSource', line: Number(line) });
  });

  vscode.postMessage({ type: 'ready' });
})();
