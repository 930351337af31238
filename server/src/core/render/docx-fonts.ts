import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * What the Word writer (the docx library) leaves out and WPS and Word then fill in on their own: a theme (without
 * one, Word's built-in Office theme puts 等线 and Calibri into every style that does not name its fonts: 标题、页眉、
 * 批注) and a font table (without one, a machine lacking 方正小标宋简体 or 仿宋 falls back to whatever it likes). Both
 * are added here, naming only the fonts an official document uses, each with the names it goes by on other
 * systems so that Word and WPS find an installed one (w:altName).
 */

/** Font → the names it is installed under elsewhere (Windows' English names; 宋体 for 小标宋 where that is missing). */
const FONT_TABLE: ReadonlyArray<{ name: string; alt: string; family: 'roman' | 'modern' | 'swiss'; charset: string; pitch: 'variable' | 'fixed' }> = [
  { name: '仿宋', alt: 'FangSong,仿宋_GB2312', family: 'modern', charset: '86', pitch: 'fixed' },
  { name: '宋体', alt: 'SimSun', family: 'roman', charset: '86', pitch: 'variable' },
  { name: '黑体', alt: 'SimHei', family: 'modern', charset: '86', pitch: 'fixed' },
  { name: '楷体', alt: 'KaiTi,楷体_GB2312', family: 'modern', charset: '86', pitch: 'fixed' },
  { name: '方正小标宋简体', alt: '方正小标宋_GBK,宋体', family: 'roman', charset: '86', pitch: 'variable' },
  { name: 'Times New Roman', alt: 'Liberation Serif', family: 'roman', charset: '00', pitch: 'variable' },
  { name: 'Courier New', alt: 'Liberation Mono', family: 'modern', charset: '00', pitch: 'fixed' },
];

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const THEME_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
const THEME_TYPE = 'application/vnd.openxmlformats-officedocument.theme+xml';

function fontTable(): string {
  const fonts = FONT_TABLE.map(
    (f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">${fonts}</w:fonts>`;
}

const solid = (colour: string) => `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
const line = (w: number) => `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${solid('000000')}<a:prstDash val="solid"/></a:ln>`;

/** A complete theme (colours, fonts, formats: Word rejects a theme without all three), in black and the official fonts. */
function theme(): string {
  const clr = (name: string, colour: string) => `<a:${name}><a:srgbClr val="${colour}"/></a:${name}>`;
  const fonts = (ea: string) => `<a:latin typeface="Times New Roman"/><a:ea typeface="${ea}"/><a:cs typeface="Times New Roman"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="xxgk">' +
    '<a:themeElements>' +
    '<a:clrScheme name="xxgk">' +
    clr('dk1', '000000') + clr('lt1', 'FFFFFF') + clr('dk2', '000000') + clr('lt2', 'FFFFFF') +
    clr('accent1', 'C00000') + clr('accent2', '000000') + clr('accent3', '595959') + clr('accent4', '7F7F7F') + clr('accent5', 'A6A6A6') + clr('accent6', 'D9D9D9') +
    clr('hlink', '000000') + clr('folHlink', '000000') +
    '</a:clrScheme>' +
    `<a:fontScheme name="xxgk"><a:majorFont>${fonts('黑体')}</a:majorFont><a:minorFont>${fonts('仿宋')}</a:minorFont></a:fontScheme>` +
    '<a:fmtScheme name="xxgk">' +
    `<a:fillStyleLst>${solid('FFFFFF')}${solid('D9D9D9')}${solid('000000')}</a:fillStyleLst>` +
    `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
    `<a:bgFillStyleLst>${solid('FFFFFF')}${solid('F2F2F2')}${solid('D9D9D9')}</a:bgFillStyleLst>` +
    '</a:fmtScheme>' +
    '</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>'
  );
}

/** The package with a theme and a font table of official fonts (see above). */
export function withOfficeFonts(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  files['word/fontTable.xml'] = strToU8(fontTable());
  files['word/theme/theme1.xml'] = strToU8(theme());
  const rels = strFromU8(files['word/_rels/document.xml.rels']);
  if (!rels.includes(THEME_REL)) {
    files['word/_rels/document.xml.rels'] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdXxgkTheme" Type="${THEME_REL}" Target="theme/theme1.xml"/></Relationships>`));
  }
  const types = strFromU8(files['[Content_Types].xml']);
  if (!types.includes('/word/theme/theme1.xml')) {
    files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `<Override PartName="/word/theme/theme1.xml" ContentType="${THEME_TYPE}"/></Types>`));
  }
  return zipSync(files, { level: 6 });
}
