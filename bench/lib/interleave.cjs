// The core's parse + check and markdown-it's parse of one text, timed side by side: warm-up, then rounds that
// alternate the two with the order swapped every round, so that a busy neighbour slows both alike.
// Used by core-driver.cjs (the generated reports) and corpus-driver.cjs (the real reports).
'use strict';

/** Timers for one core bundle and one markdown-it instance; each checks that the work was really done. */
function timers(core, md, options) {
  const timeCore = (text) => {
    const t0 = performance.now();
    const result = core.checkText(text, options);
    const t = performance.now() - t0;
    if (result.document.text !== text) throw new Error('core did not read the text');
    return t;
  };
  const timeMd = (text) => {
    const t0 = performance.now();
    const tokens = md.parse(text, {});
    const t = performance.now() - t0;
    if (!tokens.length) throw new Error('markdown-it found nothing');
    return t;
  };
  return { timeCore, timeMd };
}

/** `warm` rounds of each, then `rounds` samples of each, alternating. */
function interleaved(text, warm, rounds, { timeCore, timeMd }) {
  for (let i = 0; i < warm; i++) {
    timeCore(text);
    timeMd(text);
  }
  const core = [];
  const markdownIt = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2) {
      core.push(timeCore(text));
      markdownIt.push(timeMd(text));
    } else {
      markdownIt.push(timeMd(text));
      core.push(timeCore(text));
    }
  }
  return { core, markdownIt };
}

module.exports = { timers, interleaved };
