import type { XxgkDocument } from './ast';

/**
 * Whose report it is, which sets its deadline (条例 第四十九条): a department's (部门) by 31 January, or the whole
 * government's (本级政府: a 人民政府, or a body in its place — the 管理委员会 of a 新区/开发区/综合实验区, a 行政公署)
 * by 31 March.
 */
export type ReportLevel = 'government' | 'department';

/** The words front matter may use for `层级`. */
export const LEVEL_WORDS: Readonly<Record<string, ReportLevel>> = {
  本级政府: 'government',
  政府: 'government',
  人民政府: 'government',
  government: 'government',
  部门: 'department',
  department: 'department',
};

/**
 * Names that plainly stand for a whole government: 人民政府 (not its 办公室/办公厅, which are departments), 行政公署,
 * 街道办事处, and the 管理委员会 of a zone that governs in place of a 人民政府 (not a 城市管理委员会, a department).
 */
const GOVERNMENT_NAME = /(?:人民政府|行政公署|街道办事处|(?:综合实验区|综合试验区|新区|开发区|高新区|试验区|实验区|示范区|合作区|保税区|自由贸易区|自贸区|园区|度假区|港区)(?:党工委)?(?:管理委员会|管委会))$/;

export interface ResolvedLevel {
  readonly level: ReportLevel;
  /** Declared in front matter, read from the agency's name, or assumed (most reports are departments'). */
  readonly source: 'front-matter' | 'name' | 'default';
}

export function reportLevel(doc: XxgkDocument): ResolvedLevel {
  const entries = doc.frontMatter?.entries ?? [];
  const declared = entries.find((e) => e.canonical === 'level')?.value;
  const word = typeof declared === 'string' ? LEVEL_WORDS[declared.trim()] : undefined;
  if (word) return { level: word, source: 'front-matter' };
  const agency = entries.find((e) => e.canonical === 'agency')?.value;
  if (typeof agency === 'string' && GOVERNMENT_NAME.test(agency.trim())) return { level: 'government', source: 'name' };
  return { level: 'department', source: 'default' };
}
