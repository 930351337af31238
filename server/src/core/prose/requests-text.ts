import type { Figure } from './figures';

/**
 * What a figure in prose about 政府信息公开申请 or 复议/诉讼 counts, read from the words just before it in its
 * clause (`上年结转2件`, `其中予以公开13件`). Only plain phrasings are read; anything else is left alone.
 */
export type ProseCategory =
  | 'new' | 'carried' | 'total' | 'next'
  | 'open' | 'partial' | 'refuse' | 'unable' | 'reject' | 'otherHandling'
  | 'review' | 'litigation';

export const RESULT_CATEGORIES: ReadonlySet<ProseCategory> = new Set(['open', 'partial', 'refuse', 'unable', 'reject', 'otherHandling']);

/** Tried in order; each match is blanked out before the next so that 结转下年度继续办理 is not also 办理. */
const KEYWORDS: ReadonlyArray<[ProseCategory, RegExp]> = [
  ['next', /(?:结转|顺延|转入|转)(?:到|至)?下一?年度?(?:继续)?(?:办理)?(?:答复)?/],
  ['carried', /上一?年度?(?:结转|转结)/],
  ['refuse', /不予以?公开/],
  ['partial', /部分公开/],
  ['open', /予以公开/],
  ['unable', /无法提供/],
  ['reject', /不予处理/],
  ['otherHandling', /其他处理/],
  ['review', /行政复议|复议/],
  ['litigation', /行政诉讼|诉讼|起诉/],
  ['new', /收到|受理|新收|接收|接到/],
  ['total', /办结|答复|办理/],
];

/** Any of KEYWORDS, for a first test. */
const ANY_KEYWORD = new RegExp(KEYWORDS.map(([, re]) => re.source).join('|'));

/** Words that make the figure a subset, a comparison or something else than the table's row. */
const DISTRACTORS = /分别|同比|环比|较|增加|减少|增长|下降|上升|累计|历年|以来|平均|超过|不足|去年|比上年/;
/** For 收到/受理: a part of the new requests (by channel or applicant), not all of them; 不予受理 is no 受理. */
const NEW_SUBSET = /其中|通过|网上|网络|在线|信函|当面|现场|邮寄|邮件|传真|电话|窗口|自然人|法人|企业|组织|机构|律师|个人|不予受理|未予受理|不受理|未受理/;
/** For 办结/答复/办理: a subset by timing, or those still in hand (正在办理). */
const TOTAL_SUBSET = /延期|延长|按时|按期|逾期|超期|当场|当日|即时|限期|现场|平均|正在|尚在|仍在/;
/** For 复议/诉讼: a result, not the count. */
const APPEAL_SUBSET = /维持|纠正|撤销|审结|驳回|确认|终止|结果|其他|败诉|胜诉|直接|复议后|前置/;
/** Other subjects a 收到…件 sentence may count. */
const OTHER_SUBJECTS = /许可|审批|建议|提案|信访|投诉|举报|咨询|留言|来电|来信|办件|事项|热线|舆情|工单|信箱|来件/;
const JOINED = /和|及|与|或|并/;

export interface Reading {
  readonly category: ProseCategory;
  /** The keyword as written, for messages. */
  readonly keyword: string;
}

/** The category of a figure (unit 件) given the text of its clause up to the figure. */
export function categoryOf(prefix: string, figure: Figure): Reading | undefined {
  if (figure.unit !== '件' || figure.approximate || figure.ordinal) return undefined;
  // Most 件 in prose (行政许可决定12,846件) name none of the keywords: one test passes them over.
  if (!ANY_KEYWORD.test(prefix) || DISTRACTORS.test(prefix)) return undefined;
  let rest = prefix;
  let found = 0;
  let first: Reading | undefined;
  let firstEnd = 0;
  let appeals = 0;
  let appeal: Reading | undefined;
  let otherThanVerbs = false;
  for (const [category, re] of KEYWORDS) {
    const m = re.exec(rest);
    if (!m) continue;
    const reading: Reading = { category, keyword: m[0] };
    if (found++ === 0) {
      first = reading;
      firstEnd = m.index + m[0].length;
    }
    if (category === 'review' || category === 'litigation') {
      appeals++;
      appeal = reading;
    } else if (category !== 'new' && category !== 'total') otherThanVerbs = true;
    rest = rest.slice(0, m.index) + '□'.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  // 收到行政复议申请: the subject (复议) wins over the verb; otherwise one keyword only (受理并办结: not one row).
  const reading = appeals === 1 && !otherThanVerbs ? appeal : found === 1 ? first : undefined;
  if (!reading) return undefined;
  const c = reading.category;
  if (RESULT_CATEGORIES.has(c) && JOINED.test(rest)) return undefined;
  if (c === 'new' && (NEW_SUBSET.test(prefix) || OTHER_SUBJECTS.test(prefix))) return undefined;
  if (c === 'total' && (TOTAL_SUBSET.test(prefix) || OTHER_SUBJECTS.test(prefix))) return undefined;
  // 办结的信息公开申请中同意公开答复9件: a part of those done (in words no row has), not all of them.
  if (c === 'total' && prefix.includes('中', firstEnd)) return undefined;
  if ((c === 'review' || c === 'litigation') && APPEAL_SUBSET.test(prefix)) return undefined;
  if ((c === 'carried' || c === 'next') && OTHER_SUBJECTS.test(prefix)) return undefined;
  return reading;
}
