import type { SectionContent, SectionSpec } from './types';

/** What a national format asks of the sections whose requirements changed between formats (hover text). */
export interface NationalRequirements {
  readonly overview: string;
  readonly problems: string;
  readonly other: string;
}

/** What a national format asks the text of its sections to say, where it asks anything (content checks). */
export interface NationalContent {
  readonly overview?: SectionContent;
  readonly problems?: SectionContent;
}

/** The six sections of the national formats (国办公开办函〔2019〕60号, 〔2021〕30号); only what they require differs. */
export function nationalSections(requires: NationalRequirements, content: NationalContent = {}): SectionSpec[] {
  return [
    {
      id: 'overview',
      topicWords: ['总体', '概述', '概况', '基本情况'],
      numeral: '一',
      name: '总体情况',
      required: true,
      requires: requires.overview,
      ...(content.overview && { content: content.overview }),
    },
    {
      id: 'proactive',
      topicWords: ['主动公开'],
      numeral: '二',
      name: '主动公开政府信息情况',
      required: true,
      requires: '填报“主动公开政府信息情况”统计表（第二十条各项）。',
      tables: ['主动公开'],
    },
    {
      id: 'requests',
      topicWords: ['申请'],
      numeral: '三',
      name: '收到和处理政府信息公开申请情况',
      required: true,
      requires: '填报“收到和处理政府信息公开申请情况”统计表；勾稽关系：第一项加第二项之和，等于第三项加第四项之和。',
      tables: ['依申请'],
    },
    {
      id: 'appeals',
      topicWords: ['复议', '诉讼'],
      numeral: '四',
      name: '政府信息公开行政复议、行政诉讼情况',
      variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
      required: true,
      requires: '填报“政府信息公开行政复议、行政诉讼情况”统计表（行政复议、未经复议直接起诉、复议后起诉各五项）。',
      tables: ['复议诉讼'],
    },
    {
      id: 'problems',
      topicWords: ['问题', '改进', '整改'],
      numeral: '五',
      name: '存在的主要问题及改进情况',
      variants: ['政府信息公开工作存在的主要问题及改进情况', '存在问题及改进情况'],
      required: true,
      requires: requires.problems,
      ...(content.problems && { content: content.problems }),
    },
    {
      id: 'other',
      topicWords: ['其他', '其它'],
      numeral: '六',
      name: '其他需要报告的事项',
      required: true,
      requires: requires.other,
    },
  ];
}

/** Legacy reports (before 2019, old 条例 第三十二条) name their sections freely; they are matched by topic words. */
export const legacySections: SectionSpec[] = [
  { id: 'overview', numeral: '', name: '概述', topicWords: ['概述', '总体', '基本概况', '基本情况', '工作概况'], required: false, requires: '概述本年度政府信息公开工作。' },
  { id: 'proactive', numeral: '', name: '主动公开政府信息情况', topicWords: ['主动公开'], required: true, requires: '说明主动公开政府信息的数量、类别和渠道。' },
  { id: 'requests', numeral: '', name: '依申请公开政府信息情况', topicWords: ['依申请', '申请办理', '申请公开', '不予公开'], required: true, requires: '说明收到和处理政府信息公开申请的情况（含不予公开的情况）。' },
  { id: 'fees', numeral: '', name: '政府信息公开的收费及减免情况', topicWords: ['收费', '减免'], required: false, requires: '说明政府信息公开的收费及减免情况。' },
  { id: 'appeals', numeral: '', name: '因政府信息公开申请行政复议、提起行政诉讼情况', topicWords: ['复议', '诉讼'], required: false, requires: '说明因政府信息公开申请行政复议、提起行政诉讼的情况。' },
  { id: 'problems', numeral: '', name: '政府信息公开工作存在的主要问题及改进措施', topicWords: ['问题', '改进'], required: true, requires: '说明存在的主要问题及改进措施。' },
  { id: 'other', numeral: '', name: '其他需要报告的事项', topicWords: ['其他', '附表', '统计表'], required: false, requires: '其他需要报告的事项，常附统计表。' },
];
