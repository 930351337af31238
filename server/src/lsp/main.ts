import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';

// `xxgk-language-server --stdio` for any LSP client; the VS Code client starts the same bundle over IPC.
if (process.argv.includes('--stdio')) {
  const reader = new StreamMessageReader(process.stdin);
  // A broken frame header (no Content-Length) leaves the stream unreadable for good: exit, so that the client sees
  // the server stop and can restart it. A well-framed message that is not JSON is only skipped.
  reader.onError((err) => {
    if (!/Content-Length|header/i.test(err.message)) return;
    process.stderr.write(`xxgk-language-server: unreadable message frame, exiting (${err.message})\n`);
    process.exit(1);
  });
  startServer(createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout)));
} else {
  startServer(createConnection(ProposedFeatures.all));
}
