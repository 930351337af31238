import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
  type ParagraphChild,
} from 'docx';

/**
 * A government report as Word and WPS really save it, for the import tests (issue 11): no heading styles (each
 * heading is a paragraph of direct formatting, bold 黑体 or 楷体, its outline numbering typed as text: 一、 （一）),
 * body paragraphs in 仿宋 with a first-line indent or typed full-width spaces, text split into runs mid-phrase (as
 * an edit history leaves it), a title broken by a line break, empty paragraphs between parts; and the three tables
 * in the official layout, merged cells written the way Word writes them: gridSpan across, and vMerge down with a
 * covered `<w:tc>` in every row below (the 依申请 table's corner note over three header rows and its group columns,
 * 三、本年度办理结果 down the first column and （三）不予公开 down the second; the 复议诉讼 table's three-row header).
 *
 * The text and figures are a corpus report's (given as its .xxgk): the layout is the official one, the content is
 * the report's, so that importing the Word file must give the corpus report back.
 */

const BODY = { font: '仿宋_GB2312', size: 32 };
const SECTION = { font: '黑体', size: 32 };
const SUBSECTION = { font: '楷体_GB2312', size: 32, bold: true };
const CELL = { font: '宋体', size: 21 };

interface Part {
  readonly kind: 'title' | 'section' | 'subsection' | 'paragraph' | 'table';
  readonly text: string;
  /** A table's kind and its rows as the corpus writes them (label and cells; header rows left out). */
  readonly table?: { readonly kind: string; readonly rows: ReadonlyMap<string, readonly string[]> };
}

/** The parts of a corpus report in the markup: its title, headings, paragraphs and tables, in order. */
function partsOf(xxgk: string): Part[] {
  const lines = xxgk
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n');
  const parts: Part[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const container = /^::: *(\S+)/.exec(line);
    if (container) {
      const rows = new Map<string, string[]>();
      for (i++; i < lines.length && lines[i] !== ':::'; i++) {
        const cells = lines[i].replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
        // A header row is the one before its |---| line.
        if (/^\|[-| ]+\|$/.test(lines[i + 1] ?? '') || /^[-| ]+$/.test(lines[i])) continue;
        rows.set(cells[0], cells.slice(1));
      }
      parts.push({ kind: 'table', text: container[1], table: { kind: container[1], rows } });
    } else if (line.startsWith('# ')) parts.push({ kind: 'title', text: line.slice(2) });
    else if (line.startsWith('## ')) parts.push({ kind: 'section', text: line.slice(3) });
    else if (line.startsWith('### ')) parts.push({ kind: 'subsection', text: line.slice(4) });
    else if (line.trim()) parts.push({ kind: 'paragraph', text: line.trim() });
  }
  return parts;
}

/** Runs split as an edit history leaves them (every 7 characters), the same font on each. */
function runs(text: string, style: { font: string; size: number; bold?: boolean }): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (let k = 0; k < text.length; k += 7) out.push(new TextRun({ text: text.slice(k, k + 7), ...style }));
  return out;
}

function paragraphOf(part: Part, index: number): Paragraph[] {
  switch (part.kind) {
    case 'title': {
      // The agency's name on one line, the rest of the title on the next (a line break inside the paragraph).
      const at = part.text.search(/\d{4}年/);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: part.text.slice(0, at), font: '方正小标宋简体', size: 44 }), new TextRun({ text: part.text.slice(at), font: '方正小标宋简体', size: 44, break: 1 })],
        }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'section':
      return [new Paragraph({ indent: { firstLine: 640 }, children: runs(part.text, SECTION) })];
    case 'subsection':
      return [new Paragraph({ indent: { firstLine: 640 }, children: runs(part.text, SUBSECTION) })];
    default:
      // WPS users often indent with two typed full-width spaces instead of the paragraph's first-line indent.
      return index % 2
        ? [new Paragraph({ children: runs(`\u3000\u3000${part.text}`, BODY) })]
        : [new Paragraph({ indent: { firstLine: 640 }, children: runs(part.text, BODY) })];
  }
}

type Spec = { text?: string; span?: number; merge?: 'restart' | 'continue' };

function cell({ text = '', span, merge }: Spec): TableCell {
  return new TableCell({
    columnSpan: span,
    verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    // A cell holds a centred paragraph; a covered cell an empty one (Word writes one in every cell).
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: text ? runs(text, CELL) : [] })],
  });
}

function table(rows: readonly Spec[][]): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((r) => new TableRow({ children: r.map(cell) })) });
}

const figures = (cells: readonly string[] | undefined, width: number, span?: number): Spec[] =>
  Array.from({ length: width }, (_, k) => ({ text: cells?.[k] ?? '', span: k === 0 ? span : undefined }));

/** 主动公开: four blocks under 第二十条第（X）项, each with its header row; a single figure spans three columns. */
function proactive(rows: ReadonlyMap<string, readonly string[]>): Table {
  const out: Spec[][] = [];
  // The report's own labels (规范性文件 or 行政规范性文件), two, one, two and one to a block.
  const labels = [...rows.keys()];
  const blocks: Array<[string, string[], string[]]> = [
    ['第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], labels.slice(0, 2)],
    ['第二十条第（五）项', ['本年处理决定数量'], labels.slice(2, 3)],
    ['第二十条第（六）项', ['本年处理决定数量'], labels.slice(3, 5)],
    ['第二十条第（八）项', ['本年收费金额（单位：万元）'], labels.slice(5, 6)],
  ];
  for (const [title, columns, blockLabels] of blocks) {
    out.push([{ text: title, span: 4 }]);
    out.push([{ text: '信息内容' }, ...columns.map((c) => ({ text: c, span: columns.length === 1 ? 3 : undefined }))]);
    for (const label of blockLabels) out.push([{ text: label }, ...figures(rows.get(label), columns.length, columns.length === 1 ? 3 : undefined)]);
  }
  return table(out);
}

/** 依申请: the corner note over three header rows, 申请人情况 over the columns, the group labels merged down. */
function requests(rows: ReadonlyMap<string, readonly string[]>): Table {
  const corner = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  const out: Spec[][] = [
    [{ text: corner, span: 3, merge: 'restart' }, { text: '申请人情况', span: 7 }],
    [{ span: 3, merge: 'continue' }, { text: '自然人', merge: 'restart' }, { text: '法人或其他组织', span: 5 }, { text: '总计', merge: 'restart' }],
    [
      { span: 3, merge: 'continue' },
      { merge: 'continue' },
      ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ text })),
      { merge: 'continue' },
    ],
  ];
  const labels = [...rows.keys()];
  const whole = (label: string) => out.push([{ text: label, span: 3 }, ...figures(rows.get(label), 7)]);
  const resultsAt = labels.indexOf('三、本年度办理结果');
  for (const label of labels.slice(0, resultsAt)) whole(label);
  // The results: 三、… down the first column; a group (（三）不予公开) down the second over its numbered rows.
  const results = labels.slice(resultsAt + 1, labels.indexOf('四、结转下年度继续办理'));
  let first = true;
  for (let k = 0; k < results.length; k++) {
    const label = results[k];
    const left: Spec = first ? { text: '三、本年度办理结果', merge: 'restart' } : { merge: 'continue' };
    first = false;
    if (/^（[一二三四五六七]）/.test(label) && /^\d/.test(results[k + 1] ?? '')) {
      // A group row: its label down the second column, beside each of its numbered rows.
      let j = k + 1;
      const items: string[] = [];
      while (j < results.length && /^\d/.test(results[j])) items.push(results[j++]);
      items.forEach((item, n) => {
        const row: Spec[] = [
          n === 0 ? left : { merge: 'continue' },
          n === 0 ? { text: label, merge: 'restart' } : { merge: 'continue' },
          { text: item },
          ...figures(rows.get(item), 7),
        ];
        out.push(row);
      });
      k = j - 1;
    } else out.push([left, { text: label, span: 2 }, ...figures(rows.get(label), 7)]);
  }
  for (const label of labels.slice(labels.indexOf('四、结转下年度继续办理'))) whole(label);
  return table(out);
}

/** 复议诉讼: the official three-row header and one row of fifteen figures. */
function appeals(rows: ReadonlyMap<string, readonly string[]>): Table {
  const names = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return table([
    [{ text: '行政复议', span: 5 }, { text: '行政诉讼', span: 10 }],
    [...names.map((text) => ({ text, merge: 'restart' as const })), { text: '未经复议直接起诉', span: 5 }, { text: '复议后起诉', span: 5 }],
    [...names.map(() => ({ merge: 'continue' as const })), ...names.map((text) => ({ text })), ...names.map((text) => ({ text }))],
    ['行政复议', '未经复议直接起诉', '复议后起诉'].flatMap((group) => figures(rows.get(group), 5)),
  ]);
}

/** The Word file of a corpus report, in the real shape described above. */
export async function realShapeWord(xxgk: string): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  partsOf(xxgk).forEach((part, index) => {
    if (part.kind !== 'table') {
      // An empty paragraph before each section, as typed to space them out.
      if (part.kind === 'section') children.push(new Paragraph({ children: [] }));
      children.push(...paragraphOf(part, index));
      return;
    }
    const rows = part.table!.rows;
    children.push(part.text === '主动公开' ? proactive(rows) : part.text === '依申请' ? requests(rows) : appeals(rows));
    children.push(new Paragraph({ children: [] }));
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
