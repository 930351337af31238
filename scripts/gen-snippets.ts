/**
 * Writes snippets/xxgk.code-snippets from the format data (server/src/core/formats) and the skeleton generator,
 * so that snippets can never disagree with the checker about sections, rows and columns.
 * Run: npx tsx scripts/gen-snippets.ts   (test/snippets.test.ts fails when the committed file is stale)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { formatSpec, type FormatId } from '../server/src/core/formats/index';
import { escapeSnippet, sectionSnippet } from '../server/src/core/report-skeleton';
import { tableText } from '../server/src/core/skeleton';

export { escapeSnippet };

export const SNIPPETS_PATH = join(__dirname, '..', 'snippets', 'xxgk.code-snippets');

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Pinyin initials for typing a prefix without an IME: 总体情况 → ztqk. */
export function initials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const lines = (text: string) => text.split('\n');

type National = Exclude<FormatId, 'legacy'>;

/** Legacy 附表 rows are free (reference §7); this is the documented example, figures at 0. */
function legacyTable(): Snippet {
  const rows = [
    ['主动公开信息数', '条'],
    ['其中：1.政府网站', '条'],
    ['2.政府公报', '条'],
    ['受理依申请公开信息总数', '件'],
    ['其中：1.当面申请数', '件'],
    ['2.网上申请数', '件'],
    ['行政复议数', '件'],
    ['行政诉讼数', '件'],
  ];
  return {
    prefix: ['表-附表', 'fb'],
    body: ['::: 附表', '| 指标名称 | 计量单位 | 本年 | 历年累计 |', '|---|---|---|---|', ...rows.map(([l, u]) => `| ${l} | ${u} | 0 | 0 |`), ':::', '$0'],
    description: 'legacy 格式（2018 年度及以前）附表：政府信息公开情况统计表骨架，行可自由增删。',
  };
}

/** All snippets, in a stable order. A 2019 section or table identical to the 2021 one is one snippet for both. */
export function buildSnippets(): Record<string, Snippet> {
  const parts: Array<{ base: string; formats: National[]; prefix: string[]; body: string; describe: (formats: string) => string }> = [];
  const add = (kind: 'section' | 'table', name: string, format: National, body: string, describe: (formats: string) => string) => {
    const base = `${kind === 'section' ? '章节' : '表'}：${name}`;
    const twin = parts.find((p) => p.base === base && p.body === body);
    if (twin) return void twin.formats.push(format);
    const suffix = format === '2021' ? '' : format;
    const prefix =
      kind === 'section' ? [`${name}${suffix}`, `${initials(name)}${suffix}`] : [`表-${name}${suffix}`, `${initials(name)}b${suffix}`];
    parts.push({ base, formats: [format], prefix, body, describe });
  };
  for (const format of ['2021', '2019'] as const) {
    for (const s of formatSpec(format).sections) {
      const body = `${sectionSnippet(s, format, 1)}\n$0`;
      add('section', s.name, format, body, (f) => `${f}章节“${s.numeral}、${s.name}”${s.tables?.length ? '及其统计表（各行均为 0）' : ''}。`);
    }
    for (const t of formatSpec(format).tables) {
      add('table', t.kind, format, `${escapeSnippet(tableText(t, '0'))}\n$0`, (f) => `${f}统计表“${t.title}”，全部官方行，各格为 0。`);
    }
  }

  // The whole report is offered by the language server's completion, with the year worked out from today's date.
  const out: Record<string, Snippet> = {};
  for (const p of parts) {
    const formats = p.formats.join('、');
    out[`${p.base}（${formats}）`] = { prefix: p.prefix, body: lines(p.body), description: p.describe(`${formats} 格式`) };
  }
  out['表：附表（legacy）'] = legacyTable();
  return out;
}

export function snippetsText(): string {
  return `// 由 scripts/gen-snippets.ts 根据格式数据生成，请勿手工修改。\n${JSON.stringify(buildSnippets(), null, 2)}\n`;
}

// Run directly (not when imported by the test).
if (/gen-snippets\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  writeFileSync(SNIPPETS_PATH, snippetsText());
  console.log(`已生成 ${SNIPPETS_PATH}`);
}
