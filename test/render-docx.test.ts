/**
 * The Word export: the .docx is opened again (it is a zip of XML parts) and its tables, headings, page and fonts
 * checked; where LibreOffice is installed, it must convert the file to PDF of A4 pages within their margins.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { parse, tableSpec } from '../server/src/core/index';
import { renderDocx } from '../server/src/core/render/docx';
import { hasPdftoppm, inkMargins, positionedPages } from './pdf-pages';
import { example, injectionLegacyReport, injectionReport, report2019 } from './render-helpers';

interface WordCell {
  readonly text: string;
  readonly gridSpan: number;
  readonly vMerge?: 'restart' | 'continue';
  readonly centred: boolean;
}
interface WordTable {
  readonly rows: WordCell[][];
  readonly header: boolean[];
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('');

/** Tables of word/document.xml (none of ours nest), cell by cell. */
function wordTables(xml: string): WordTable[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) => {
    const trs = [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]);
    return {
      header: trs.map((tr) => /<w:tblHeader\/>/.test(tr)),
      rows: trs.map((tr) =>
        [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => {
          const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
          return {
            text: textOf(tc),
            gridSpan: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1),
            vMerge: merge ? ((merge[1] ?? 'continue') as 'restart' | 'continue') : undefined,
            centred: /<w:jc w:val="center"\/>/.test(tc),
          };
        }),
      ),
    };
  });
}

/** Resolves a Word table to slots (gridSpan across, vMerge down), as the HTML tests do with rowspan/colspan. */
function wordSlots(t: WordTable): Array<Array<{ text: string; top: number; row: number }>> {
  const slots: Array<Array<{ text: string; top: number; row: number }>> = [];
  t.rows.forEach((cells, r) => {
    const row: Array<{ text: string; top: number; row: number }> = [];
    for (const c of cells) {
      const col = row.length;
      const above = slots[r - 1]?.[col];
      const owner = c.vMerge === 'continue' && above ? above : { text: c.text, top: r, row: r };
      for (let k = 0; k < c.gridSpan; k++) row.push(owner);
    }
    slots.push(row);
  });
  return slots;
}

async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const f = zip.file(name);
    assert.ok(f, `${name} in the package`);
    return f.async('string');
  };
  return { zip, document: await part('word/document.xml'), styles: await part('word/styles.xml'), core: await part('docProps/core.xml') };
}

describe('DOCX export', () => {
  test('2023-clean: official tables as Word tables with merged cells, official labels, centred figures', async () => {
    const doc = parse(example('2023-clean'));
    const { document } = await open(await renderDocx(doc));
    const tables = wordTables(document);
    assert.equal(tables.length, 4, 'the plain table and the three official ones');

    const spec = tableSpec('2021', '依申请')!;
    const requests = tables.find((t) => t.rows[0][0].text.includes('勾稽关系'))!;
    assert.ok(requests);
    const leaves = spec.rows.filter((r) => !r.group);
    assert.equal(requests.rows.length, 3 + leaves.length);
    assert.deepEqual(requests.header, [true, true, true, ...leaves.map(() => false)], 'header rows repeat on each page');
    const corner = requests.rows[0][0];
    assert.equal(corner.text, spec.note);
    assert.equal(corner.gridSpan, 3);
    assert.equal(corner.vMerge, 'restart');
    assert.deepEqual([requests.rows[0][1].text, requests.rows[0][1].gridSpan], ['申请人情况', 7]);
    assert.deepEqual([requests.rows[1][2].text, requests.rows[1][2].gridSpan], ['法人或其他组织', 5]);
    const slots = wordSlots(requests);
    for (const row of slots) assert.equal(row.length, 10, 'every row covers 10 grid columns');
    // Row labels: the group cells merged down over their items, the item labels beside them.
    const table = doc.tables.find((t) => t.kind === '依申请')!;
    leaves.forEach((leaf, i) => {
      const row = slots[3 + i];
      const labels = [...new Set(row.slice(0, 3).map((s) => s.text))];
      assert.equal(labels[labels.length - 1], leaf.label);
      const source = table.rows.find((r) => r.match?.row.id === leaf.id)!;
      assert.deepEqual(row.slice(3).map((s) => s.text), source.values.map((c) => c.text));
    });
    const results = slots.slice(3).filter((r) => r[0].text === '三、本年度办理结果');
    assert.equal(results.length, 22, '三、本年度办理结果 merged down its 22 rows');
    assert.equal(slots.slice(3).filter((r) => r[1].text === '（三）不予公开').length, 8);
    assert.equal(slots.slice(3).filter((r) => r[1].text === '（六）其他处理').length, 3);
    assert.equal(requests.rows.slice(3).flat().filter((c) => c.vMerge === 'restart').length, 5, '三 and （三）（四）（五）（六） start merges');
    for (const r of requests.rows.slice(3)) for (const c of r.slice(-7)) assert.ok(c.centred, 'figures centred');

    const appeals = tables.find((t) => t.rows[0][0].text === '行政复议' && t.rows[0].length === 2)!;
    assert.deepEqual(appeals.rows[0].map((c) => [c.text, c.gridSpan]), [['行政复议', 5], ['行政诉讼', 10]]);
    assert.equal(appeals.rows[3].length, 15);
    assert.deepEqual(appeals.rows[3].map((c) => c.text), ['3', '1', '0', '1', '5', '1', '0', '0', '1', '2', '1', '0', '0', '0', '1']);

    const proactive = tables.find((t) => t.rows[0][0].text === '第二十条第（一）项')!;
    assert.equal(proactive.rows[0][0].gridSpan, 4);
    const licensing = proactive.rows.find((r) => r[0].text === '行政许可')!;
    assert.deepEqual(licensing.map((c) => [c.text, c.gridSpan]), [['行政许可', 1], ['12,846', 3]]);

    const text = textOf(document);
    for (const r of spec.rows) assert.ok(text.includes(r.label), r.label);
  });

  test('short labels and the 2019 layout: official labels printed, （六）其他处理 one row', async () => {
    const { document } = await open(await renderDocx(parse(report2019())));
    const requests = wordTables(document).find((t) => t.rows[0][0].text.includes('勾稽关系'))!;
    assert.equal(requests.rows.length, 3 + 23);
    const text = textOf(document);
    for (const label of ['一、本年新收政府信息公开申请数量', '1.属于国家秘密', '（六）其他处理', '未经复议直接起诉', '政府集中采购', '第二十条第（九）项']) assert.ok(text.includes(label), label);
    const other = requests.rows.find((r) => r.some((c) => c.text === '（六）其他处理'))!;
    assert.equal(other.find((c) => c.text === '（六）其他处理')!.gridSpan, 2);
  });

  test('headings as Word headings, A4 page, Chinese fonts, title in the document properties', async () => {
    const { document, styles, core } = await open(await renderDocx(parse(example('2023-clean'))));
    const styleOf = (heading: string) => {
      const p = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]).find((x) => textOf(x) === heading);
      return p && /<w:pStyle w:val="(\w+)"\/>/.exec(p)?.[1];
    };
    assert.equal(styleOf('滨江市市场监督管理局2023年政府信息公开工作年度报告'), 'Title');
    assert.equal(styleOf('一、总体情况'), 'Heading1');
    assert.equal(styleOf('六、其他需要报告的事项'), 'Heading1');
    assert.equal(styleOf('（一）主动公开'), 'Heading2');
    assert.equal((document.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length, 6);
    assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(styles, /w:eastAsia="仿宋"/);
    assert.match(styles, /w:eastAsia="黑体"/);
    assert.match(styles, /w:eastAsia="方正小标宋简体"/);
    // Table text is 宋体 through one paragraph style, not fonts repeated on every run (issue 13: export size).
    assert.match(styles, /<w:style w:type="paragraph" w:styleId="XxgkTableText">(?:(?!<\/w:style>).)*w:eastAsia="宋体"/);
    assert.match(document, /<w:pStyle w:val="XxgkTableText"\/>/);
    assert.match(core, /<dc:title>滨江市市场监督管理局2023年政府信息公开工作年度报告<\/dc:title>/);
    assert.match(core, /<dc:creator>滨江市市场监督管理局<\/dc:creator>/);
  });

  test('2012-legacy and 2023-errors: 附表 and extra rows exported, blank cells blank', async () => {
    const legacy = wordTables((await open(await renderDocx(parse(example('2012-legacy'))))).document);
    assert.equal(legacy.length, 1);
    assert.deepEqual(legacy[0].rows[0].map((c) => c.text), ['指标名称', '计量单位', '本年', '历年累计']);
    assert.equal(legacy[0].rows.length, 18);
    const errors = (await open(await renderDocx(parse(example('2023-errors'))))).document;
    const tables = wordTables(errors);
    const requests = tables.find((t) => t.rows[0][0].text.includes('勾稽关系'))!;
    const unpaid = requests.rows.find((r) => r.some((c) => c.text.startsWith('2.申请人逾期未按收费通知')))!;
    assert.deepEqual(unpaid.slice(-7).map((c) => c.text), ['', '', '', '', '', '', '']);
    assert.ok(tables.some((t) => t.rows[0][0].text === '不予公开的其他情形'), 'the unknown row follows the table');
    assert.ok(textOf(errors).includes('１２'));
  });

  test('injections and characters XML cannot carry: still a valid package, the text kept as text', async () => {
    for (const source of [injectionReport(), injectionLegacyReport(), '# 标题\u0000\u0001\ud800尾\n\n段落\u000b\n']) {
      const { document, zip } = await open(await renderDocx(parse(source)));
      assert.doesNotMatch(document, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      assert.doesNotMatch(document, /<script|<img|<iframe/);
      const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
      const targets = [...rels.matchAll(/Target="([^"]*)" TargetMode="External"/g)].map((m) => m[1]);
      if (source === injectionReport()) assert.ok(targets.length > 0, 'safe links are kept as hyperlinks');
      for (const target of targets) assert.match(target, /^(https?:\/\/|mailto:)/);
      assert.ok(!targets.some((x) => /javascript|data:|vbscript/i.test(x)));
    }
  });

  test('GB/T 9704 page: A4, margins 37/35/28/26 mm, a grid of 22 lines of 28 characters, 三号仿宋, 二号 title, page numbers outside', async () => {
    const { zip, document, styles } = await open(await renderDocx(parse(example('2023-clean'))));
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/, 'A4 (210 × 297 mm)');
    const margin = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(document);
    assert.ok(margin);
    assert.deepEqual(margin.slice(1).map(Number), [twips(37), twips(26), twips(35), twips(28)], '天头 37, right 26, bottom 35, 订口 28 mm');
    // 版心 156 × 225 mm: 22 lines of fixed pitch, 28 characters a line on the document grid.
    const grid = /<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="(-?\d+)"\/>/.exec(document);
    assert.ok(grid, 'a document grid of lines and characters');
    const pitch = Number(grid[1]);
    assert.equal(Math.floor((16838 - twips(37) - twips(35)) / pitch), 22, '22 lines fit the 版心');
    const charPitchPt = 16 + Number(grid[2]) / 4096;
    assert.equal(Math.round((11906 - twips(28) - twips(26)) / 20 / charPitchPt), 28, '28 characters a line');
    assert.match(styles, new RegExp(`<w:docDefaults>[\\s\\S]*w:eastAsia="仿宋"[\\s\\S]*<w:sz w:val="32"/>[\\s\\S]*<w:spacing w:line="${pitch}" w:lineRule="exact"/>`), 'body 仿宋 三号 (16 pt) on the grid pitch');
    assert.match(styles, /<w:style w:type="paragraph" w:styleId="Title"[\s\S]*?w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>/, 'title 小标宋 二号 (22 pt)');
    // Page numbers: 4号 宋体 “— 1 —”, odd pages right, even pages left, one character in.
    assert.match(zip.file('word/settings.xml') ? await zip.file('word/settings.xml')!.async('string') : '', /<w:evenAndOddHeaders\/>/);
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    assert.equal(footers.length, 2);
    const sides = footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort();
    assert.deepEqual(sides, ['left', 'right']);
    for (const f of footers) {
      assert.match(f, /<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
      assert.match(f, /w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/);
    }
    // No font Word or WPS would have to guess: a theme of official fonts (no 等线, no Calibri), every font in the table.
    const theme = await zip.file('word/theme/theme1.xml')?.async('string');
    assert.ok(theme, 'a theme part');
    assert.doesNotMatch(theme, /等线|Calibri|Cambria|DengXian/);
    assert.match(theme, /<a:minorFont><a:latin typeface="Times New Roman"\/><a:ea typeface="仿宋"\/>/);
    assert.match(await zip.file('word/_rels/document.xml.rels')!.async('string'), /relationships\/theme" Target="theme\/theme1.xml"/);
    assert.match(await zip.file('[Content_Types].xml')!.async('string'), /PartName="\/word\/theme\/theme1.xml"/);
    const fontTable = await zip.file('word/fontTable.xml')!.async('string');
    const used = new Set([...document.matchAll(/w:eastAsia="([^"]+)"/g), ...styles.matchAll(/w:(?:eastAsia|ascii)="([^"]+)"/g)].map((m) => m[1]));
    for (const font of used) assert.match(fontTable, new RegExp(`<w:font w:name="${font}">`), `${font} in the font table`);
    assert.match(fontTable, /<w:font w:name="方正小标宋简体"><w:altName w:val="[^"]*宋体"/, '小标宋 falls back to 宋体');
    assert.doesNotMatch(styles + document, /等线|Calibri/);
  });

  test('LibreOffice converts the .docx to PDF (where installed)', async (t) => {
    const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
    if (!soffice) {
      t.skip('LibreOffice 未安装（which soffice libreoffice 均无结果），跳过 .docx 转 PDF 的检查');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-docx-'));
    try {
      for (const name of ['2023-clean', '2012-legacy']) {
        const file = path.join(dir, `${name}.docx`);
        fs.writeFileSync(file, await renderDocx(parse(example(name))));
        const r: SpawnSyncReturns<string> = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], {
          encoding: 'utf8',
          timeout: 180_000,
        });
        assert.equal(r.status, 0, r.stderr);
        const pdf = path.join(dir, `${name}.pdf`);
        assert.ok(fs.existsSync(pdf), `${name}.pdf written`);
        assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
        // Page count: the layout grid (22 lines of 28 characters) gives these reports a few pages, not one or fifty.
        const pages = await positionedPages(new Uint8Array(fs.readFileSync(pdf)));
        assert.ok(pages.length >= 3 && pages.length <= 20, `${name}: ${pages.length} pages`);
        for (const p of pages) {
          assert.ok(Math.abs(p.width - 595) < 2 && Math.abs(p.height - 842) < 2, `${name} page ${p.number} is A4`);
          // No table (or line) runs off the page: all text inside the page's width, clear of the edges.
          for (const item of p.items) assert.ok(item.x >= 15 * 2.835 && item.x + item.width <= p.width - 15 * 2.835, `${name} page ${p.number}: “${item.text}” at x ${item.x.toFixed(0)}–${(item.x + item.width).toFixed(0)} of ${p.width.toFixed(0)}`);
        }
        // Rasterised: ink stays within the margins (28 mm inside, 26 mm outside, less the rounding of 36 dpi).
        if (hasPdftoppm()) {
          for (const [k, m] of inkMargins(pdf, 3).entries()) assert.ok(Math.min(m.left, m.right) >= 20 && m.top >= 30, `${name} page ${k + 1}: margins ${JSON.stringify(m)}`);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
