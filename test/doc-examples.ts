/**
 * The example blocks of a Markdown document (docs/rules.md, docs/markup.md), for test/doc-examples.test.ts: each
 * fenced block with the `## ` section it stands in, the output block that follows it (a `text` block after an input
 * with nothing but prose between them) and the marker comment on the line before it:
 *
 * - `<!-- not-checked: reason -->`: the block (and its output) is deliberately not run;
 * - `<!-- previous-year -->`: the block is last year's report for the blocks after it in the same section (cross-year).
 */
export interface ExampleBlock {
  /** The fence's info string: `xxgk`, `text`, `markdown`, `yaml`, `json`… */
  readonly lang: string;
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The `## ` heading above the block ('' before the first). */
  readonly section: string;
  readonly marker?: { readonly kind: 'not-checked' | 'previous-year'; readonly reason: string };
  /** The output block that follows an input block (set on the input). */
  output?: ExampleBlock;
}

/** A fence, also indented (in a list item): its indent, its run of backticks or tildes, its info string. */
const FENCE = /^( *)(`{3,}|~{3,})(.*)$/;
/** The languages of input blocks: a report, a fragment of one, its front matter. */
export const INPUTS = new Set(['xxgk', 'markdown', 'yaml']);
const MARKER = /^<!--\s*(not-checked|previous-year)\s*:?\s*(.*?)\s*-->$/;

export function exampleBlocks(markdown: string): ExampleBlock[] {
  const lines = markdown.split('\n');
  const blocks: ExampleBlock[] = [];
  let section = '';
  // The last input block, while only prose has followed it (an output block pairs with it).
  let pending: ExampleBlock | undefined;
  for (let i = 0; i < lines.length; i++) {
    const heading = /^(#{1,6}) (.*)$/.exec(lines[i]);
    if (heading) {
      if (heading[1].length <= 2) section = heading[2];
      pending = undefined;
      continue;
    }
    const fence = FENCE.exec(lines[i]);
    if (!fence) continue;
    const [, indent, run, info] = fence;
    // Closed by a line of the same character, at least as long, with nothing after it (CommonMark).
    const closing = new RegExp(`^ *${run[0]}{${run.length},}\\s*$`);
    const close = lines.findIndex((l, k) => k > i && closing.test(l));
    const end = close < 0 ? lines.length : close;
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const m = before >= 0 ? MARKER.exec(lines[before].trim()) : null;
    const block: ExampleBlock = {
      lang: info.trim(),
      body: lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart())).join('\n') + '\n',
      line: i + 1,
      section,
      marker: m ? { kind: m[1] as 'not-checked' | 'previous-year', reason: m[2] } : undefined,
    };
    blocks.push(block);
    if (block.lang === 'text' && pending) {
      pending.output = block;
      pending = undefined;
    } else {
      pending = INPUTS.has(block.lang) ? block : undefined;
    }
    i = end;
  }
  return blocks;
}

/** `L:C severity rule message`, or `severity rule message` without a place: a line of a diagnostics list. */
export const DIAGNOSTIC_LINE = /^(?:(\d+):(\d+) )?(error|warning|info|hint) ([a-z][a-z0-9-]*) (.+)$/;
