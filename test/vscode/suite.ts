// Runs inside the VS Code extension host (bundled by run.ts). No test framework: each check is a plain function.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const examples = vscode.workspace.workspaceFolders![0].uri;
const open = async (name: string) => {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(examples, name));
  await vscode.window.showTextDocument(doc);
  return doc;
};

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const tests: Array<[string, () => Promise<void>]> = [
  ['the xxgk language is active on .xxgk files', async () => {
    const doc = await open('2023-clean.xxgk');
    assert.equal(doc.languageId, 'xxgk');
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'xxgk')!;
    await waitFor(() => (ext.isActive ? true : undefined), 'activation');
  }],
  ['the example with planted errors shows its diagnostics with rule ids', async () => {
    const doc = await open('2023-errors.xxgk');
    const diagnostics = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(doc.uri);
      return list.length > 10 ? list : undefined;
    }, 'diagnostics');
    const codes = new Set(diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)));
    for (const rule of ['table-sum', 'prose-sum', 'missing-section', 'missing-row']) assert.ok(codes.has(rule), rule);
  }],
  ['completion inside the 依申请 table offers the missing official row', async () => {
    const doc = await open('2023-errors.xxgk');
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('| 3.要求提供公开出版物'));
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), '| \n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line + 1, 2));
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '4.无正当理由大量反复申请'));
    await vscode.commands.executeCommand('undo');
  }],
  ['the table-sum quick fix corrects the total', async () => {
    const doc = await open('2023-errors.xxgk');
    const sum = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'table-sum'), 'table-sum');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, sum.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.edit);
    assert.ok(fix, 'a quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await waitFor(() => (vscode.languages.getDiagnostics(doc.uri).some((d) => d.range.isEqual(sum.range) && d.message === sum.message) ? undefined : true), 'the fixed problem to disappear');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }],
  ['“新建下一年度年报” creates next year’s report', async () => {
    await open('2023-clean.xxgk');
    await vscode.commands.executeCommand('xxgk.newNextYearReport');
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.fileName.includes('2024') ? vscode.window.activeTextEditor : undefined), 'the new report');
    assert.match(editor.document.getText(), /年度: 2024/);
    await vscode.workspace.fs.delete(editor.document.uri);
    assert.equal(path.basename(editor.document.fileName), '2024-clean.xxgk');
  }],
];

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, test] of tests) {
    try {
      await test();
      console.log(`✔ ${name}`);
    } catch (err) {
      console.log(`✖ ${name}: ${err instanceof Error ? err.stack : String(err)}`);
      failures.push(name);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} VS Code test(s) failed`);
}
