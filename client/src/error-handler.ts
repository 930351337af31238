import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

/**
 * Restarts the server when its process dies and says so, instead of failing silently; gives up (and says that
 * too) after five crashes within three minutes, so that a server that cannot start does not loop forever.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.output.error(`language server connection error: ${error.message}`);
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && this.restarts[0] < now - 3 * 60_000) this.restarts.shift();
    if (this.restarts.length > 5) {
      const message = vscode.l10n.t('The xxgk language server stopped five times in three minutes and will not be restarted. See the xxgk output for details.');
      void vscode.window.showErrorMessage(message);
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    const message = vscode.l10n.t('The xxgk language server stopped unexpectedly and has been restarted.');
    this.output.warn(message);
    void vscode.window.showWarningMessage(message);
    return { action: CloseAction.Restart, handled: true };
  }
}
