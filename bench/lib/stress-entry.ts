// Entry of the bundle the worst-case bench loads (bench/inputs/build/stress.cjs): the core's check, the HTML
// renderer and the Word writer, bundled as scripts/build.mjs bundles dist/*.js.
export { checkText, parse } from '../../server/src/core/index';
export { renderHtml } from '../../server/src/core/render/index';
export { renderDocx } from '../../server/src/core/render/docx';
