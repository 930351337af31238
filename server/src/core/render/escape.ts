/** Escaping for everything that comes from the document: the renderer never passes source text through as HTML. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters no output may carry, each replaced by U+FFFD: those XML 1.0 does not allow (C0 controls but tab, line
 * feed and carriage return; lone surrogates; U+FFFE, U+FFFF), which make Word refuse a .docx, and those HTML reads
 * as parse errors (DEL and the C1 controls, the other noncharacters). Both renderers clean every string through
 * this one function; characters outside the BMP (a surrogate pair) are kept.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNCLEAN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}|\p{Noncharacter_Code_Point}/gu;

export function cleanText(text: string): string {
  return text.replace(UNCLEAN, '\ufffd');
}

/** Escapes text for HTML element content and for double-quoted attribute values alike, cleaned (`cleanText`). */
export function escapeHtml(text: string): string {
  return cleanText(text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]));
}

/** An attribute `name="value"`, value escaped; a leading space so that attributes can be concatenated. */
export function attr(name: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  return ` ${name}="${escapeHtml(String(value))}"`;
}

/**
 * The link target if it is safe to link to: http(s) and mailto only. Anything else (javascript:, data:, vbscript:,
 * relative paths, targets with spaces or control characters that browsers would strip before reading the scheme)
 * is refused, and the caller renders the link text as plain text.
 */
export function safeHref(raw: string): string | undefined {
  const href = raw.trim();
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (!href || /[\u0000-\u0020\u007f-\u009f\u2028\u2029\u3000\s]/.test(href)) return undefined;
  if (/^https?:\/\/[^/\\]/i.test(href)) return href;
  if (/^mailto:[^:/\\]/i.test(href)) return href;
  return undefined;
}
