import type { Span, XxgkDocument } from '../ast';
import { CHANNELS, type LegacyMeasure } from '../tables/legacy-rows';
import type { Decimal } from '../text/decimal';
import { ZERO } from '../text/decimal';
import { paragraphFigures, type Figure } from './figures';
import { clauseStart, splitSentences } from './sentences';

/**
 * Figures that legacy prose states about 政府信息公开申请, their answers and the 复议/诉讼 they led to, in the plain
 * phrasings real legacy reports use (`共收到有关政府信息公开的申请7条，网上申请数3条`, `对依申请公开的答复总数3条，
 * 其中同意公开答复数2条`, `收到1份有关政府信息公开行政复议申请`, `未收到有关政府信息公开申请`). The words that name
 * the count must stand right before the figure (or, for `收到N份…申请`, right after it); anything looser is left
 * alone, since a false alarm on a real report costs more than a miss.
 */
export interface LegacyStatement {
  readonly measure: LegacyMeasure;
  readonly value: Decimal;
  /** The figure (number and unit), or for a `未收到…` statement the clause. */
  readonly span: Span;
  /** The figure as read, absent for a statement of none. */
  readonly figure?: Figure;
}

/** Units a count of requests, replies or appeals is given in. */
const COUNT_UNITS = new Set(['条', '件', '个', '份', '次', '起', '宗', '项', '例']);

/** Optional filler between the words and the figure (`答复总数为3条`, `共计5件`). */
const FILL = '(?:数|数量|总数)?(?:共计|合计|共|计|为|达|有|了)?\\s*$';

/** What the words right before a figure count, tried in order (the narrower first). */
const BEFORE: ReadonlyArray<readonly [LegacyMeasure | 'channel', RegExp]> = [
  ['replyPartial', new RegExp(`部分公开(?:答复|的)?${FILL}`)],
  ['replyRefuse', new RegExp(`(?:不予公开|否决公开|不同意公开)(?:答复|的)?${FILL}`)],
  ['replyOpen', new RegExp(`同意公开(?:答复|的)?${FILL}`)],
  ['replies', new RegExp(`答复${FILL}`)],
  ['review', new RegExp(`行政复议(?:案件|申请|案)?${FILL}`)],
  ['litigation', new RegExp(`行政诉讼(?:案件|案)?${FILL}`)],
  ['channel', new RegExp(`(?:提出|方式|形式|的)?申请${FILL}`)],
];

/** The sentence must be about 政府信息公开 (a service hall's 受理申请136437件 is not). */
const ABOUT_DISCLOSURE = /信息公开|政府信息|依申请|申请公开|公开申请|要求公开/;
/** …and name what is counted: most sentences of a report (主动公开…条) name none, and are passed over at once. */
const COUNTED = /申请|答复|复议|诉讼/;
/** Words that make the figure another count: a comparison, a total over years, a subset by timing or result. */
const ANOTHER_COUNT = /累计|历年|以来|同比|环比|较|比上年|比去年|增加|减少|增长|下降|上年|去年|平均|按时|按期|逾期|延期|当场|当日|电话|口头|咨询|维持|纠正|撤销|驳回|审结|败诉|胜诉|占/;
/** A verb of receiving, right before a figure whose noun follows it: `收到1份…申请`. */
const RECEIVED = /(?:收到|受理|接到|接收)(?:了)?(?:共计|共)?\s*$/;
/** A statement of none: `未收到…申请`, `未发生…行政复议、行政诉讼`. */
const NONE = /(?:未|没有|无)(?:收到|受理|接到|接收|发生|出现|提起)/;

function channelOf(words: string): LegacyMeasure | undefined {
  const named = CHANNELS.filter(([, re]) => re.test(words));
  return named.length === 1 ? named[0][0] : undefined;
}

/** The measure of a figure from the words of its clause before it, and the words after it up to the clause's end. */
function measureOf(before: string, after: string): LegacyMeasure | undefined {
  if (ANOTHER_COUNT.test(before)) return undefined;
  for (const [measure, re] of BEFORE) {
    const m = re.exec(before);
    if (!m) continue;
    // 其它公开答复数1条, 同意公开答复数: a result's count, which `答复数` alone would take for all answers.
    if (measure === 'replies' && /同意|部分|不予|否决|其[它他]|公开答复/.test(before)) return undefined;
    if (measure !== 'channel') return measure;
    // 申请 right before the figure: a channel if one is named just before it, all requests after a verb of receiving.
    const lead = before.slice(Math.max(0, m.index - 8), m.index + m[0].length);
    const channel = channelOf(lead);
    if (channel) return channel;
    if (channelOf(before) || /复议|诉讼/.test(before)) return undefined;
    return /收到|受理|接到|接收/.test(before) ? 'requests' : undefined;
  }
  if (RECEIVED.test(before)) {
    const noun = /^[^，,；;。]*?申请/.exec(after)?.[0];
    if (!noun || ANOTHER_COUNT.test(noun) || channelOf(noun)) return undefined;
    const review = noun.includes('复议');
    const litigation = noun.includes('诉讼');
    return review && litigation ? undefined : review ? 'review' : litigation ? 'litigation' : 'requests';
  }
  return undefined;
}

/** The measures a statement of none covers: the requests, or the 复议 and/or 诉讼 it names. */
function noneOf(clause: string): LegacyMeasure[] {
  if (ANOTHER_COUNT.test(clause) || channelOf(clause)) return [];
  const review = /复议/.test(clause);
  const litigation = /诉讼/.test(clause);
  if (review || litigation) return [...(review ? ['review' as const] : []), ...(litigation ? ['litigation' as const] : [])];
  return /申请/.test(clause) && /收到|受理|接到|接收/.test(clause) ? ['requests'] : [];
}

/** The statements of every paragraph, in text order. */
export function legacyStatements(doc: XxgkDocument): LegacyStatement[] {
  const out: LegacyStatement[] = [];
  doc.paragraphs.forEach((paragraph, k) => {
    const text = paragraph.text;
    if (!COUNTED.test(text) || !ABOUT_DISCLOSURE.test(text)) return;
    const figures = paragraphFigures(doc, k).filter((f) => COUNT_UNITS.has(f.unit) && !f.approximate && !f.ordinal);
    for (const sentence of splitSentences(text)) {
      const said = text.slice(sentence.start, sentence.end);
      if (!COUNTED.test(said) || !ABOUT_DISCLOSURE.test(said)) continue;
      for (const figure of figures) {
        if (figure.start < sentence.start || figure.end > sentence.end) continue;
        const from = clauseStart(text, figure.start, sentence.start);
        const rest = text.slice(figure.end, sentence.end);
        const clauseEnd = /[，,；;。]/.exec(rest)?.index ?? rest.length;
        const measure = measureOf(text.slice(from, figure.start), rest.slice(0, clauseEnd));
        if (measure) out.push({ measure, value: figure.value, span: shift(paragraph.span.start, figure), figure });
      }
      // Statements of none, clause by clause (a clause with a figure states a count, not none); a sentence without
      // one in any clause is not cut into clauses.
      if (!NONE.test(said)) continue;
      let start = sentence.start;
      for (const m of said.matchAll(/[，,；;。]|$/g)) {
        const end = sentence.start + m.index;
        const clause = text.slice(start, end);
        if (NONE.test(clause) && !figures.some((f) => f.start >= start && f.end <= end)) {
          for (const measure of noneOf(clause)) out.push({ measure, value: ZERO, span: { start: paragraph.span.start + start, end: paragraph.span.start + end } });
        }
        start = end + 1;
        if (start >= sentence.end) break;
      }
    }
  });
  return out;
}

function shift(offset: number, figure: Figure): Span {
  return { start: offset + figure.start, end: offset + figure.end };
}
