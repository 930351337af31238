import { isImportWorker, runImportWorker } from '../cli/import-worker';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { FrameCheck, FrameError } from './framing';
import { lifecycleGate } from './lifecycle';
import { startServer } from './server';

// The lifecycle (nothing before initialize, initialize once) is enforced for every transport.
const options = { messageStrategy: lifecycleGate() };

// The same bundle is the import worker (see IsolatedImporter) when started as one.
if (isImportWorker()) {
  runImportWorker();
} else if (process.argv.includes('--stdio')) {
  // `xxgk-language-server --stdio` for any LSP client; the VS Code client starts the same bundle over IPC.
  const input = process.stdin.pipe(new FrameCheck());
  // FrameCheck errors do not travel back up the pipe; the reader sees them on its own stream.
  process.stdin.on('error', (err) => input.destroy(err));
  const reader = new StreamMessageReader(input);
  // A broken frame header (no Content-Length, or not a number of bytes) leaves the stream unreadable for good: one line
  // on stderr and exit, so that the client sees the server stop and can restart it. A well-framed message that is not
  // JSON is only skipped.
  reader.onError((err) => {
    if (!(err instanceof FrameError) && !/Content-Length|header/i.test(err.message)) return;
    process.stderr.write(`xxgk-language-server: unreadable message frame, exiting (${err.message.split('\n')[0]})\n`);
    process.exit(1);
  });
  startServer(createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout), options));
} else {
  startServer(createConnection(ProposedFeatures.all, options));
}
