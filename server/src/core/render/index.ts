/** The renderer: a parsed report to HTML (preview, export, CLI). The DOCX writer is `./docx`, imported on its own. */
export { PREVIEW_CELLS_PER_ROW, renderHtml, renderStyles, renderInlines, type RenderHtmlOptions } from './html';
export { buildModel, type Block, type DocumentModel, type ListItem, type SectionBlock } from './blocks';
export type { Grid, GridCell, GridRow, GridKind } from './grid';
export { parseInline, inlineText, type Inline } from './inline';
export { escapeHtml, safeHref } from './escape';
export { XXGK_CSS } from './styles';
