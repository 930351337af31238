import type { FormatId, FormatKind, FormatSpec, TableKind, TableSpec } from './types';

/**
 * The format registry: every format the tools know, in order of preference (newest national first). Everything
 * that differs by format is read from here: the lists in settings and front matter, which rules apply, the
 * format a year calls for, completion and messages. A test can register a format of its own.
 */
const registry = new Map<FormatId, FormatSpec>();

/** Adds a format; returns a function that removes it again (for tests). Ids are unique. */
export function registerFormat(spec: FormatSpec): () => void {
  if (registry.has(spec.id)) throw new Error(`format ${spec.id} is already registered`);
  registry.set(spec.id, spec);
  return () => {
    if (registry.get(spec.id) === spec) registry.delete(spec.id);
  };
}

/** Every registered format, in registration order. */
export function allFormats(): readonly FormatSpec[] {
  return [...registry.values()];
}

export function formatIds(): FormatId[] {
  return [...registry.keys()];
}

export function formatsOfKind(kind: FormatKind): FormatSpec[] {
  return allFormats().filter((f) => f.kind === kind);
}

export function isFormatId(value: unknown): value is FormatId {
  return typeof value === 'string' && registry.has(value);
}

/** The spec of a registered format; an unknown id (which parsing never produces) falls back to the first. */
export function formatSpec(id: FormatId): FormatSpec {
  const spec = registry.get(id);
  if (spec) return spec;
  const first = registry.values().next().value;
  if (!first) throw new Error('no format registered');
  return first;
}

export function tableSpec(format: FormatId, kind: TableKind): TableSpec | undefined {
  return formatSpec(format).tables.find((t) => t.kind === kind);
}

/** The format a report of the given year must use (reference §1): the first registered one whose years include it. */
export function formatForYear(year: number): FormatId {
  const fitting = allFormats().find((f) => f.years && year >= f.years.from && (f.years.to === undefined || year <= f.years.to));
  if (fitting) return fitting.id;
  // Before the oldest or after the newest range: the nearest one.
  const dated = allFormats().filter((f) => f.years);
  const oldest = dated.reduce<FormatSpec | undefined>((a, f) => (!a || f.years!.from < a.years!.from ? f : a), undefined);
  const newest = dated.reduce<FormatSpec | undefined>((a, f) => (!a || f.years!.from > a.years!.from ? f : a), undefined);
  if (oldest && year < oldest.years!.from) return oldest.id;
  return (newest ?? formatSpec('')).id;
}

/** The formats a report's year can be checked against, as `2021、2019 或 legacy` for messages. */
export function formatIdList(conjunction: string): string {
  const ids = formatIds();
  return ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join('、')}${conjunction}${ids[ids.length - 1]}`;
}

/** The `:::` table kinds and the formats that use them, as `主动公开、依申请、复议诉讼（2021/2019 格式）；附表（legacy 格式）`. */
export function describeTableKinds(formatWord: string): string {
  const groups = new Map<string, FormatId[]>();
  for (const f of allFormats()) {
    const key = f.tableKinds.join('、');
    groups.set(key, [...(groups.get(key) ?? []), f.id]);
  }
  return [...groups].map(([kinds, ids]) => `${kinds}（${ids.join('/')} ${formatWord}）`).join('；');
}

/** Whether a format's table 二 reports 本年制发 / 本年废止 / 现行有效 of its documents (the 2021 format on). */
export function reportsDocumentCounts(format: FormatSpec): boolean {
  const columns = format.tables.find((t) => t.kind === '主动公开')?.columns ?? [];
  return ['issued', 'repealed', 'effective'].every((id) => columns.some((c) => c.id === id));
}
