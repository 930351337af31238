// Types of preview-bundle.mjs, for the TypeScript tests that bundle the webview script with the same options.
import type { BuildOptions } from 'esbuild';
export declare const PREVIEW_SOURCE: string;
export declare const PREVIEW_OUT: string;
export declare const previewOptions: BuildOptions;
