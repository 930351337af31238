import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// `xxgk-language-server --stdio` for any LSP client; the VS Code client starts the same bundle over IPC.
startServer(createConnection(ProposedFeatures.all));
