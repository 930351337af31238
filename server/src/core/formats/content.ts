/**
 * What the sections' text must say (国办公开办函〔2021〕30号 and the assessments that score it), as data: the topics
 * of 一、总体情况, the words that name a problem in 五, the guidance a template leaves for the author to replace.
 * The content rules read these lists; the words are deliberately broad, since a missed gap costs less than a false alarm.
 */
import type { SectionContent, TopicSpec } from './types';

/**
 * 2021 一、总体情况: “主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障（含…各级人民政府工作考核、
 * 社会评议和责任追究结果情况）”. Real reports name the topics in their own words (（四）平台载体建设方面,
 * （五）及时回应关切，自觉接受监督): any of a topic's words covers it.
 */
export const overviewTopics2021: readonly TopicSpec[] = [
  { id: 'proactive', name: '主动公开', words: ['主动公开'] },
  { id: 'requests', name: '依申请公开', words: ['依申请', '申请公开', '公开申请', '申请办理'] },
  {
    id: 'management',
    name: '政府信息管理',
    words: ['信息管理', '保密审查', '公开属性', '发布审核', '审核发布', '审核制度', '三审三校', '分级审核', '源头认定'],
  },
  {
    id: 'platform',
    name: '政府信息公开平台建设',
    words: ['平台', '网站', '政务新媒体', '政府公报', '公开专栏', '公开专区', '查阅点', '查阅场所'],
  },
  { id: 'oversight', name: '监督保障', words: ['监督', '保障', '考核', '培训', '督查', '督促', '问责', '评估', '组织领导'] },
  {
    id: 'assessment',
    name: '工作考核、社会评议和责任追究结果',
    words: ['考核', '评议', '责任追究', '追责', '问责', '绩效'],
    governmentOnly: true,
  },
];

export const overviewContent2021: SectionContent = { topics: overviewTopics2021 };
export const problemsContent2021: SectionContent = { lastYearProgress: true };

/**
 * Words that name a problem or a shortcoming (有待加强, 不够及时, 较为单一). A sentence naming one counts, unless it
 * denies it (未发现问题, 不存在问题).
 */
export const PROBLEM_WORDS: readonly string[] = [
  '问题', '不足', '不够', '有待', '仍需', '尚需', '还需', '亟需', '需进一步', '需要进一步', '欠缺', '缺乏', '缺少', '短板',
  '薄弱', '差距', '不到位', '不及时', '不规范', '不完善', '不健全', '不平衡', '不均衡', '不高', '不强', '不深', '不全',
  '不一', '单一', '滞后', '偏少', '较少', '偏弱', '较弱', '困难', '瑕疵', '隐患', '短缺', '落后',
];

/** A problem denied (本年度未发现问题, 不存在明显不足): names none. */
export const DENIED_PROBLEM = /(?:未|没有|无|不存在|尚未)(?:发现|出现|存在)?(?:明显|突出|重大|较大)?(?:的)?(?:问题|不足)/g;

/** A whole section 五 that says there is nothing (无, 暂无, 本年度无): punctuation and spaces removed first. */
export const NOTHING_TO_REPORT = /^(?:本年度|本年|今年|\d{4}年度?)?(?:无|暂无|没有|暂时没有|无问题|暂无问题|没有问题|无明显问题|未发现问题|未发现明显问题|不存在问题|无相关情况|无此情况)$/;

/** Speaks of last year (上年度, 上一年度, 去年; the year before the report's is matched by the rule). */
export const LAST_YEAR = /上一?年度?|去年|前一年|往年/;

/** Says what became of a problem (整改, 改进, 落实, 解决, 完成). */
export const DEALT_WITH = /整改|改进|改善|落实|解决|完成|到位|提升|加强|完善|优化|问题|不足/;

/** Where the problems of a section 五 end and the measures begin (改进措施, 下一步, 将采取). */
export const MEASURES_START = /改进措施|整改措施|改进情况|下一步|将采取|将重点|加以改进|努力方向|工作打算|工作计划|今后|拟采取/;

/**
 * Guidance a template or a skeleton prints for the author to replace: a paragraph that opens with one of these, or
 * is made of nothing else, says nothing of its own. (The skeleton's guidance is each section's `requires` text,
 * which the rule reads from the registry.)
 */
export const GUIDANCE_OPENERS: readonly string[] = [
  '此处填写', '在此填写', '请在此', '请填写', '请在此处', '此处说明', '此处概述', '此处输入', '请输入', '待补充', '待填写', '（此处',
  '【此处', '[此处', '（请', '【请', '[请', '（填写', '【填写',
];

/** A paragraph of only these (略, XXX, ××, 某某, …) is a placeholder. */
export const PLACEHOLDER_ONLY = /^(?:略|（略）|\(略\)|待定|待补充|无内容|[XxＸｘ×＊*某…．.。\s]+)$/;
