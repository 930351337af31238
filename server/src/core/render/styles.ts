import { OFFICIAL_WIDTHS } from './tables-official';

/** `col` widths of the official layouts, from the one list the Word tables use too. */
function columnWidths(): string {
  return Object.entries(OFFICIAL_WIDTHS)
    .map(([kind, widths]) => widths.map((w, k) => `.xxgk-table.xxgk-${kind} > colgroup > col:nth-child(${k + 1}) { width: ${w.toFixed(3)}%; }`).join('\n'))
    .join('\n');
}

/**
 * The renderer's stylesheet: typography of a Chinese official document (GB/T 9704 sizes in print), tables drawn
 * like the official templates, an A4 print layout. No web fonts, no external resources: the local CJK fonts.
 */

export const FONT_BODY = '"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "宋体", serif';
export const FONT_SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "宋体", serif';
export const FONT_TITLE = '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "宋体", serif';
export const FONT_HEI = '"SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
export const FONT_KAI = '"KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "Noto Serif CJK SC", "Source Han Serif SC", serif';

export const XXGK_CSS = `
.xxgk-doc {
  font-family: ${FONT_BODY};
  font-size: 16px;
  line-height: 1.8;
  color: #000;
  background: #fff;
  max-width: 50em;
  margin: 0 auto;
  padding: 2em 2.5em;
  text-align: justify;
  word-break: normal;
  overflow-wrap: anywhere;
  line-break: strict;
}
.xxgk-doc h1, .xxgk-doc h2, .xxgk-doc h3, .xxgk-doc h4, .xxgk-doc h5, .xxgk-doc h6 {
  font-weight: normal;
  line-height: 1.6;
  margin: 1em 0 0.5em;
  text-align: left;
}
.xxgk-doc h1 { font-family: ${FONT_TITLE}; font-size: 1.5em; font-weight: bold; text-align: center; margin: 0.5em 0 1.2em; }
.xxgk-doc h2 { font-family: ${FONT_HEI}; font-size: 1em; text-indent: 2em; }
.xxgk-doc h3 { font-family: ${FONT_KAI}; font-size: 1em; text-indent: 2em; }
.xxgk-doc h4, .xxgk-doc h5, .xxgk-doc h6 { font-family: ${FONT_BODY}; font-size: 1em; font-weight: bold; text-indent: 2em; }
.xxgk-doc p { margin: 0 0 0.4em; text-indent: 2em; }
.xxgk-doc ul, .xxgk-doc ol { margin: 0 0 0.4em 2em; padding-left: 1.5em; }
.xxgk-doc blockquote { margin: 0 0 0.4em 2em; padding-left: 1em; border-left: 3px solid #999; }
.xxgk-doc blockquote p { text-indent: 0; }
.xxgk-doc pre { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 0.85em; white-space: pre-wrap; border: 1px solid #ccc; padding: 0.5em; }
.xxgk-doc code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 0.9em; }
.xxgk-doc hr { border: 0; border-top: 1px solid #000; margin: 1em 0; }
.xxgk-doc a { color: inherit; text-decoration: underline; }
.xxgk-doc section { margin: 0; }
.xxgk-table-wrap { overflow-x: auto; margin: 0.6em 0 1em; }
.xxgk-table {
  border-collapse: collapse;
  width: 100%;
  font-family: ${FONT_SERIF};
  font-size: 14px;
  line-height: 1.4;
  text-align: center;
  text-indent: 0;
  table-layout: auto;
}
.xxgk-table.xxgk-requests, .xxgk-table.xxgk-appeals, .xxgk-table.xxgk-proactive { table-layout: fixed; }
${columnWidths()}
.xxgk-table th, .xxgk-table td {
  border: 1px solid #000;
  padding: 0.25em 0.35em;
  vertical-align: middle;
  font-weight: normal;
  text-align: center;
  overflow-wrap: anywhere;
}
.xxgk-table .xxgk-left { text-align: left; }
.xxgk-table .xxgk-right { text-align: right; }
.xxgk-table .xxgk-center { text-align: center; }
.xxgk-table td.xxgk-figure { font-variant-numeric: tabular-nums; white-space: nowrap; }
.xxgk-table th.xxgk-block { font-weight: bold; }
.xxgk-table thead th, .xxgk-table th.xxgk-column, .xxgk-table th.xxgk-corner { font-weight: bold; }
.xxgk-table.xxgk-requests th.xxgk-corner { font-weight: normal; font-size: 0.9em; }
.xxgk-table.xxgk-plain thead th, .xxgk-table.xxgk-appendix thead th { font-weight: bold; }
.xxgk-indent-1 { padding-left: 1.5em !important; }
.xxgk-indent-2 { padding-left: 3em !important; }
.xxgk-indent-3 { padding-left: 4.5em !important; }
.xxgk-indent-4 { padding-left: 6em !important; }
.xxgk-extra-caption { font-size: 0.9em; color: #555; text-indent: 0; margin: 0.2em 0; }
.xxgk-table.xxgk-extra { width: auto; min-width: 50%; }
.xxgk-summary {
  position: sticky; top: 0; z-index: 1;
  font-family: ${FONT_HEI}; font-size: 0.9em; text-indent: 0;
  background: #fff8e1; border: 1px solid #e0c060; padding: 0.3em 0.8em; margin: 0 0 1em;
}
.xxgk-summary.xxgk-clean { background: #eef7ee; border-color: #8c8; }
.xxgk-summary summary { cursor: pointer; }
.xxgk-summary ol { margin: 0.3em 0 0.2em 1em; padding-left: 1em; }
.xxgk-summary li { text-indent: 0; }
span.xxgk-problem { text-decoration: underline wavy; text-decoration-skip-ink: none; text-underline-offset: 0.2em; }
span.xxgk-problem.xxgk-error { text-decoration-color: #d00; }
span.xxgk-problem.xxgk-warning { text-decoration-color: #d90; }
span.xxgk-problem.xxgk-info { text-decoration-color: #38c; }
td.xxgk-problem.xxgk-error, th.xxgk-problem.xxgk-error { background: #fde0e0; box-shadow: inset 0 0 0 2px #d00; }
td.xxgk-problem.xxgk-warning, th.xxgk-problem.xxgk-warning { background: #fff1cc; box-shadow: inset 0 0 0 2px #d90; }
td.xxgk-problem.xxgk-info, th.xxgk-problem.xxgk-info { background: #e3f0fb; }
table.xxgk-problem.xxgk-error { outline: 2px solid #d00; }
table.xxgk-problem.xxgk-warning { outline: 2px solid #d90; }
h1.xxgk-problem, h2.xxgk-problem, h3.xxgk-problem, h4.xxgk-problem, p.xxgk-problem, li.xxgk-problem, pre.xxgk-problem { background: #fff5f5; }
h1.xxgk-problem.xxgk-warning, h2.xxgk-problem.xxgk-warning, h3.xxgk-problem.xxgk-warning, p.xxgk-problem.xxgk-warning { background: #fffaf0; }
@media print {
  /* GB/T 9704 (党政机关公文格式): A4, margins top 37 mm, bottom 35 mm, inside 28 mm, outside 26 mm; page numbers
     “— 1 —” in 4号 宋体, 7 mm below the type area, at the outside edge (right on odd pages, left on even ones). */
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  @page :left { margin-left: 26mm; margin-right: 28mm; @bottom-left { content: "— " counter(page) " —"; font: 14pt "宋体", SimSun, "Songti SC", "Noto Serif CJK SC", serif; vertical-align: top; padding-top: 7mm; padding-left: 1em; } }
  @page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt "宋体", SimSun, "Songti SC", "Noto Serif CJK SC", serif; vertical-align: top; padding-top: 7mm; padding-right: 1em; } }
  html, body { background: #fff; }
  .xxgk-doc { font-size: 16pt; line-height: 28pt; max-width: none; margin: 0; padding: 0; }
  .xxgk-doc h1 { font-size: 22pt; line-height: 1.5; }
  .xxgk-doc h2, .xxgk-doc h3, .xxgk-doc h4 { font-size: 16pt; line-height: 28pt; break-after: avoid; page-break-after: avoid; }
  .xxgk-table-wrap { overflow: visible; }
  .xxgk-table { font-size: 10.5pt; line-height: 1.35; }
  .xxgk-table thead { display: table-header-group; }
  .xxgk-table tr, .xxgk-table th, .xxgk-table td { break-inside: avoid; page-break-inside: avoid; }
  .xxgk-summary { display: none; }
  .xxgk-problem { text-decoration: none; background: none !important; box-shadow: none !important; outline: none !important; }
  a { color: inherit; text-decoration: none; }
}
`;

export const STANDALONE_CSS = `
html { background: #f4f4f4; }
body { margin: 0; padding: 1.5em 0; }
.xxgk-doc { box-shadow: 0 0 0.5em rgba(0,0,0,0.15); }
@media print { html { background: #fff; } body { padding: 0; } .xxgk-doc { box-shadow: none; } }
`;
