import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { report2021 } from '../helpers';
import { TestClient } from './client';

const broken = report2021().replace('| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |', '| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 14 |');

describe('settings and .xxgkrc.json through the server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-settings-'));
  fs.writeFileSync(path.join(dir, '.xxgkrc.json'), JSON.stringify({ rules: { 'table-sum': 'warning' } }));
  const uri = pathToFileURL(path.join(dir, '2023.xxgk')).toString();
  const client = new TestClient();
  after(() => client.stop());

  it('merges the workspace .xxgkrc.json, and applies changed settings live on top of it', async () => {
    await client.initialize({}, { workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }] });
    await client.open(uri, broken);
    const fromRc = (await client.diagnostics(uri)).filter((d) => d.code === 'table-sum');
    assert.ok(fromRc.length > 0);
    assert.ok(fromRc.every((d) => d.severity === DiagnosticSeverity.Warning), 'warning, from .xxgkrc.json');

    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { xxgk: { rules: { 'table-sum': 'off' }, validate: { delay: 0 } } } });
    await new Promise((r) => setTimeout(r, 300));
    await client.change(uri, [{ text: broken + '\n' }]);
    assert.deepEqual((await client.diagnostics(uri)).filter((d) => d.code === 'table-sum'), [], 'the setting wins over .xxgkrc.json');

    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { xxgk: { format: 'legacy', validate: { delay: 0 } } } });
    await new Promise((r) => setTimeout(r, 300));
    await client.change(uri, [{ text: broken.replace('格式: 2021\n', '') }]);
    const legacy = await client.diagnostics(uri);
    assert.ok(legacy.some((d) => d.code === 'format-mismatch'), 'format from the settings');
  });

  it('reports an invalid .xxgkrc.json as a diagnostic instead of failing', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-badrc-'));
    fs.writeFileSync(path.join(bad, '.xxgkrc.json'), '{ "rules": { "table-sum": "loud" } }');
    const other = new TestClient();
    try {
      await other.initialize({}, { workspaceFolders: [{ uri: pathToFileURL(bad).toString(), name: 'b' }] });
      const badUri = pathToFileURL(path.join(bad, 'r.xxgk')).toString();
      await other.open(badUri, report2021());
      const [d] = await other.diagnostics(badUri);
      assert.equal(d.code, 'config');
      assert.match(d.message as string, /\.xxgkrc\.json 无效/);
    } finally {
      await other.stop();
    }
  });
});
