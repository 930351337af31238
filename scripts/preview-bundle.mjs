// How the preview's webview script is bundled: shared by scripts/build.mjs (which writes media/preview.js) and the
// browser tests (which bundle the same source in memory, so that they need no build first).
export const PREVIEW_SOURCE = 'client/preview-src/index.ts';
export const PREVIEW_OUT = 'media/preview.js';

/** esbuild options for the webview: one self-contained script for the browser, no Node built-ins. */
export const previewOptions = {
  entryPoints: [PREVIEW_SOURCE],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  logLevel: 'warning',
};
