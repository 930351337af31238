/**
 * The import as bench/import-documents.ts measures it: bundled by esbuild as the CLI and the server ship it (run
 * from TypeScript, tsx would wrap every function of the project, and none of the libraries', in helpers of its own).
 */
export { importFile } from '../../server/src/core/import/file';
export { pdfjsText } from './pdf-entry';
