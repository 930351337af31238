/**
 * `xxgk check --import` over a folder of Word files and PDFs (issue 11): every file is imported where it is checked,
 * in the worker pool when the run has one, and the pool changes nothing in what is found, including for the files
 * that cannot be imported (a scan, a file whose extension lies).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from '../server/src/core/index';
import { renderDocx } from '../server/src/core/render/docx';
import { reportFiles, runXxgk } from './import-helpers';
import { IMAGE_ONLY_PAGE, makePdf, text } from './pdf-helpers';

const ROOT = path.join(__dirname, '..');

describe('xxgk check --import: a folder of .docx and .pdf files, with the worker pool and without', () => {
  let tmp = '';
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-import-pool-'));
    const folder = path.join(tmp, 'reports');
    fs.mkdirSync(folder);
    for (const file of reportFiles(ROOT).slice(0, 6)) {
      fs.writeFileSync(path.join(folder, path.basename(file, '.xxgk') + '.docx'), await renderDocx(parse(fs.readFileSync(file, 'utf8'))));
    }
    // The PDFs' text is ASCII (the test PDFs have no Chinese font): each is still a report missing every section.
    for (let k = 1; k <= 4; k++) {
      fs.writeFileSync(path.join(folder, `report-${k}.pdf`), makePdf({ pages: [`${text(60, 760, `Annual report 202${k}`)}\n${text(60, 730, `Figure ${k * 7}.`)}`] }));
    }
    fs.writeFileSync(path.join(folder, 'scan.pdf'), makePdf({ pages: [IMAGE_ONLY_PAGE] }));
    fs.writeFileSync(path.join(folder, 'liar.docx'), Buffer.from('一、总体情况\n'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gives the same findings, problems and exit code on 2 threads as on 1', () => {
    const run = (jobs: string) => runXxgk(ROOT, tmp, ['check', 'reports', '--import', '--format', 'json', '--jobs', jobs]);
    const one = run('1');
    const pooled = run('2');
    assert.equal(one.status, 2, one.stderr);
    assert.equal(pooled.status, one.status);
    assert.equal(pooled.stdout, one.stdout);
    assert.equal(pooled.stderr, one.stderr);
    const findings = JSON.parse(one.stdout) as Array<{ file: string; rule: string; message: string }>;
    for (let k = 1; k <= 4; k++) assert.ok(findings.some((f) => f.file === `reports/report-${k}.pdf` && f.rule === 'missing-section'), `report-${k}.pdf`);
    assert.ok(findings.some((f) => f.file === 'reports/2023-errors.docx' && f.rule === 'table-sum'));
    assert.match(findings.find((f) => f.file === 'reports/liar.docx')?.message ?? '', /扩展名是 \.docx，但内容是纯文本/);
    assert.match(one.stderr, /无法导入 reports\/scan\.pdf：这个 PDF 没有文字层/);
  });
});
