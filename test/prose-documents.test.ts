import assert from 'node:assert/strict';
import { test } from 'node:test';
import { covered, diagnostics, report2021 } from './helpers';

// report2021's table 二: 规章 0 / 0 / 0, 行政规范性文件 2 / 1 / 15.
const withText = (sentence: string) =>
  report2021({ overview: `## 一、总体情况\n\n2023年，本局扎实推进政府信息公开工作。\n\n${sentence}` });
const found = (sentence: string) => diagnostics(withText(sentence), 'prose-documents');

test('prose-documents: 制发, 废止 and 现行有效 figures against table 二', () => {
  assert.deepEqual(found('本年度制发行政规范性文件2件，废止1件，截至年底现行有效行政规范性文件15件。'), []);
  const text = withText('本年度制发行政规范性文件3件，废止1件，截至年底现行有效行政规范性文件16件。');
  const ds = diagnostics(text, 'prose-documents');
  assert.deepEqual(ds.map((d) => covered(text, d)), ['3件', '16件']);
  assert.match(ds[0].message, /本年制发件数 3 件.*为 2/);
  assert.equal(ds[0].fix?.edits[0].newText, '2件');
  assert.equal(ds[0].severity, 'warning');
});

test('prose-documents: the kind of document carries over the sentence; 规章 and 规范性文件 each to their row', () => {
  assert.equal(found('本年度制发规章1件、行政规范性文件2件。').length, 1, '规章 1 against 0');
  assert.deepEqual(found('本年度印发行政规范性文件2件，宣布失效1件。'), []);
});

test('prose-documents: clauses about another time or another count stay silent', () => {
  for (const sentence of [
    '年初本局现行有效行政规范性文件20件，本年度新制发2件、废止1件。',
    '清理并集中发布现行有效行政规范性文件393件。',
    '对行政规范性文件开展合法性审核12件。',
    '较上年制发行政规范性文件增加3件。',
    '全年主动公开政府信息52条，其中行政规范性文件8件。',
  ]) {
    assert.deepEqual(found(sentence).map((d) => d.message), [], sentence);
  }
});

test('prose-documents: not in the 2019 format (its table 二 counts 新制作 / 新公开 / 对外公开)', () => {
  const text = withText('本年度制发行政规范性文件3件。').replace('格式: 2021', '格式: 2019').replace('年度: 2023', '年度: 2020');
  assert.deepEqual(diagnostics(text, 'prose-documents'), []);
});
