/**
 * A CJK font maps one glyph to several code points (一 U+4E00 and the Kangxi radical ⼀ U+2F00 share a glyph), and
 * some PDF writers (Chromium's print, hence many published reports) write the lowest one into the text layer: the
 * text then reads “⼀、总体情况”, “⾏政复议”, “⻔户⽹站”. Radicals are never meant in a report's text, so each is read as
 * the ideograph of its glyph. Kangxi radicals by their Unicode compatibility mapping, except where a simplified
 * Chinese font's glyph is the simplified character (⼾ is drawn 户, not 戶); the radicals supplement by the table
 * below (its simplified forms have no compatibility mapping).
 */
const SUPPLEMENT: Record<string, string> = {
  '⺆': '冂', '⺉': '刂', '⺊': '卜', '⺎': '兀', '⺖': '忄', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺟': '母', '⺠': '民',
  '⺡': '氵', '⺣': '灬', '⺦': '丬', '⺨': '犭', '⺩': '王', '⺬': '礻', '⺯': '糸', '⺰': '纟', '⺲': '罒', '⺹': '耂',
  '⺾': '艹', '⻁': '虎', '⻂': '衤', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻍': '辶',
  '⻏': '阝', '⻐': '钅', '⻑': '長', '⻓': '长', '⻔': '门', '⻖': '阝', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风',
  '⻜': '飞', '⻝': '食', '⻟': '飠', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
  '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};
const SIMPLIFIED_KANGXI: Record<string, string> = { '⼾': '户' };

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;
/**
 * Punctuation in its vertical presentation form (︑ ︒ ︵ ︶ ﹁ ﹂ …), as pdf.js reads a vertical-writing font whose
 * glyphs it cannot map otherwise: the mark as a Chinese text sets it across the page (、 。 （ ） 「 」), full width
 * where the compatibility mapping would give an ASCII one.
 */
const VERTICAL_FORMS = '︐，︑、︒。︓：︔；︕！︖？︗〖︘〗︙…︰‥︱—︲–︵（︶）︷｛︸｝︹〔︺〕︻【︼】︽《︾》︿〈﹀〉﹁「﹂」﹃『﹄』﹇［﹈］';
const HORIZONTAL_OF = new Map([...VERTICAL_FORMS].flatMap((c, k, all) => (k % 2 === 0 ? [[c, all[k + 1]] as const] : [])));
const VERTICAL_FORM = /[\ufe10-\ufe19\ufe30-\ufe48]/g;

export function unifyRadicals(text: string): string {
  if (!/[\u2e80-\u2fdf\ufe10-\ufe48]/.test(text)) return text;
  return text
    .replace(RADICAL, (c) => SUPPLEMENT[c] ?? SIMPLIFIED_KANGXI[c] ?? (c >= '\u2f00' ? c.normalize('NFKC') : c))
    .replace(VERTICAL_FORM, (c) => HORIZONTAL_OF.get(c) ?? c);
}
