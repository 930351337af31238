/**
 * missing-section on legacy reports whose topics are numbered paragraphs under another section (the shape of the
 * real 丰门街道 2016 report in test/corpus: `一、基本概况` holding `（二）主动公开政府信息情况。…` and
 * `（三）依申请公开政府信息情况。…`, and no word on problems).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnostics } from './helpers';

const report = (body: string) => `---\n机关: 某街道办事处\n年度: 2016\n格式: legacy\n---\n\n# 2016年度某街道政府信息公开工作年度报告\n\n${body}\n`;
const missing = (body: string) => diagnostics(report(body), 'missing-section').map((d) => d.data?.section);

test('missing-section (legacy): a topic opened by a numbered run-in title under another section is present', () => {
  const body = [
    '## 一、基本概况',
    '(一)工作制度建设情况。相继制定了相关制度。',
    '(二)主动公开政府信息情况。2016年,我街道共主动公开信息55条。',
    '（三）依申请公开政府信息情况：2016年没有收到政府信息公开申请。',
  ].join('\n\n');
  assert.deepEqual(missing(body), ['problems'], 'only the topic the report really lacks');
  assert.deepEqual(missing(`${body}\n\n### 四、存在的问题和改进措施\n\n加强学习。`), []);
});

test('missing-section (legacy): a sentence that merely starts with a number, or names a topic later on, is no title', () => {
  const body = [
    '## 一、基本概况',
    '1、2016年我街道共主动公开信息55条,未收到政府信息公开申请,存在的问题是宣传不够。',
    '(二)工作机制。主动公开和依申请公开制度均已建立,问题及改进措施另行报告。',
  ].join('\n\n');
  assert.deepEqual(missing(body), ['proactive', 'requests', 'problems']);
});
