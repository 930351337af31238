import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerExport } from './export';
import { registerImport } from './import';
import { registerPasteAsReport } from './paste';
import { PreviewManager } from './preview/manager';
import { ServerApi } from './server-api';
import { RestartingErrorHandler } from './error-handler';
import { registerFormatStatus } from './status';
import { registerWalkthrough } from './walkthrough';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('xxgk', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'xxgk' },
      { scheme: 'untitled', language: 'xxgk' },
    ],
    synchronize: {
      configurationSection: 'xxgk',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.xxgk,*.xxgk.md,.xxgkrc.json}'),
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration('xxgk') },
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
  };
  client = new LanguageClient('xxgk', vscode.l10n.t('xxgk Language Server'), serverOptions, clientOptions);
  const api = new ServerApi(() => client);
  registerCommands(context, () => client, api);
  registerFormatStatus(context, api);
  new PreviewManager(context.extensionUri, api).register(context);
  registerExport(context, api);
  registerImport(context, api);
  registerPasteAsReport(context, api);
  registerWalkthrough(context);
  await client.start();
  output.info('xxgk language server started');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
