/**
 * The diagnostics a report expects of itself, written in it as markers (as markdownlint's test files do), for the
 * planted-error example examples/2023-errors.xxgk. The checker ignores them (only `xxgk-disable`/`xxgk-enable`
 * comments are directives) and the renderer does not print comments:
 *
 * - `<!-- expect: table-sum -->` on a line of its own: the next line that is not a marker has a `table-sum`
 *   diagnostic (several rules, or one rule twice, separated by spaces);
 * - `<!-- expect +6: table-sum -->`: the sixth line below the marker has it (a row of a plain Markdown table, which a
 *   comment line would end);
 * - `# expect: front-matter` at the end of a front matter line (a YAML comment): that line has it.
 */
export interface Expectation {
  /** 1-based line. */
  readonly line: number;
  readonly rule: string;
}

const MARKER = /^<!--\s*expect(?:\s+\+(\d+))?\s*:\s*([a-z0-9 -]+?)\s*-->$/;
const YAML_MARKER = /\s#\s*expect:\s*([a-z0-9 -]+?)\s*$/;

export function expectations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const isMarker = (k: number) => MARKER.test(lines[k].trim());
  const frontMatterEnd = lines[0] === '---' ? lines.findIndex((l, k) => k > 0 && (l === '---' || l === '...')) : -1;
  const out: Expectation[] = [];
  const add = (index: number, rules: string) => {
    for (const rule of rules.split(/\s+/)) out.push({ line: index + 1, rule });
  };
  lines.forEach((line, k) => {
    if (k < frontMatterEnd) {
      const m = YAML_MARKER.exec(line);
      if (m) add(k, m[1]);
      return;
    }
    const m = MARKER.exec(line.trim());
    if (!m) return;
    let target = k + Number(m[1] ?? 0);
    if (!m[1]) for (target = k + 1; target < lines.length && isMarker(target); ) target++;
    add(target, m[2]);
  });
  return out.sort((a, b) => a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** The text without its markers: marker lines removed, YAML marker comments cut. */
export function withoutMarkers(text: string): string {
  const lines = text.split('\n');
  return lines
    .filter((l) => !MARKER.test(l.trim()))
    .map((l) => l.replace(YAML_MARKER, (m) => (m.endsWith('\r') ? '\r' : '')))
    .join('\n');
}
