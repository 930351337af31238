import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy, type RequestMessage } from 'vscode-languageserver/node';
import { t } from '../core/i18n';

/**
 * The method a request the server must refuse is rewritten to; its handler (registered by `refuseRewritten`) answers
 * with the error the gate chose. A rewrite keeps the request's id, so that the answer goes to the right request
 * whatever the transport (stdio, IPC, socket), without the gate having to write to it.
 */
export const REFUSED_METHOD = '$/xxgk/refused';

interface Refusal {
  code: number;
  message: string;
}

/**
 * The LSP lifecycle, enforced before any handler runs: until `initialize`, a request is answered ServerNotInitialized
 * (-32002) and a notification other than `exit` is dropped; a second `initialize` is an invalid request (the library
 * would run it again, re-reading the client's capabilities and process id); after `shutdown`, requests are invalid.
 */
export function lifecycleGate(): MessageStrategy {
  let state: 'new' | 'running' | 'shutdown' = 'new';
  const refuse = (message: RequestMessage, refusal: Refusal): RequestMessage => ({ jsonrpc: message.jsonrpc, id: message.id, method: REFUSED_METHOD, params: refusal });
  return {
    handleMessage(message: Message, next: (message: Message) => void) {
      if (Message.isRequest(message)) {
        if (message.method === 'initialize') {
          if (state !== 'new') return next(refuse(message, { code: ErrorCodes.InvalidRequest, message: t('initialize 只能发送一次') }));
          // Without its capabilities the request would fail inside the library after the gate had let it through,
          // and the client could not try again: refused here, the server still waits for a proper initialize.
          const params = message.params as { capabilities?: unknown } | undefined;
          if (typeof params !== 'object' || params === null || Array.isArray(params) || typeof params.capabilities !== 'object' || params.capabilities === null) {
            return next(refuse(message, { code: ErrorCodes.InvalidParams, message: t('initialize：params.capabilities 必须是一个对象') }));
          }
          state = 'running';
          return next(message);
        }
        if (state === 'new') return next(refuse(message, { code: ErrorCodes.ServerNotInitialized, message: t('服务器尚未初始化：请先发送 initialize（收到 {0}）', message.method) }));
        if (state === 'shutdown') return next(refuse(message, { code: ErrorCodes.InvalidRequest, message: t('服务器已关闭：收到 shutdown 之后只接受 exit（收到 {0}）', message.method) }));
        // The rewritten method is the gate's own: a client that sends it gets what any unknown method gets.
        if (message.method === REFUSED_METHOD) return next(refuse(message, { code: ErrorCodes.MethodNotFound, message: `Unhandled method ${message.method}` }));
        if (message.method === 'shutdown') state = 'shutdown';
        return next(message);
      }
      if (Message.isNotification(message) && state === 'new' && message.method !== 'exit') return; // dropped, as LSP says
      return next(message);
    },
  };
}

/** Answers the requests the gate refused with the error it chose. */
export function refuseRewritten(connection: Connection): void {
  connection.onRequest(REFUSED_METHOD, (refusal: Refusal) => {
    throw new ResponseError(refusal.code, refusal.message);
  });
}
