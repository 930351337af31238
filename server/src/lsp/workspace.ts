import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, type XxgkConfig, type XxgkDocument } from '../core/index';
import { reportIdentity } from '../core/identity';
import { configReadMessage, readConfigFile } from '../cli/config';
import { isInside, walkFiles } from '../cli/files';
import { decodeReport, MAX_REPORT_BYTES } from '../core/text/decode';
import { parseRc } from './settings';

/** Reports indexed at most, over all folders: a workspace may be a whole archive, or `/`. */
export const MAX_SCANNED_FILES = 5000;

/** The file system as the workspace reads it; injected by tests to count the reads. */
export interface Disk {
  /** Undefined when the file is missing or unreadable. */
  stat(file: string): { isFile(): boolean; size: number; mtimeMs: number } | undefined;
  read(file: string): string;
}

const nodeDisk: Disk = {
  stat(file) {
    try {
      return fs.statSync(file);
    } catch {
      return undefined;
    }
  },
  // Decoded as the checker decodes a report (UTF-8, else GBK/GB18030): a GBK report of last year was read as UTF-8,
  // had no agency, and was never paired. Bytes that are no report's text are no report.
  read(file) {
    const decoded = decodeReport(fs.readFileSync(file));
    if (decoded.kind !== 'text') throw new Error(decoded.message);
    return decoded.text;
  },
};

/**
 * Last year's report, parsed once: diagnostics and code actions ask for it on every request. Kept with what it was
 * read from (the open editor's text, or the file's time and size on disk) and used again while that is unchanged.
 */
interface ParsedReport {
  readonly doc: XxgkDocument | undefined;
  readonly text?: string;
  readonly mtimeMs?: number;
  readonly size?: number;
}

interface ReportInfo {
  uri: string;
  agency: string;
  year: number;
}

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the server knows of the workspace beyond the open document: `.xxgkrc.json` files, and which report is
 * which agency's for which year, so that this year's 上年结转 can be checked against last year's report.
 */
export class Workspace {
  private folders: string[] = [];
  private reports = new Map<string, ReportInfo>();
  /** Folders of documents opened without a workspace folder, already looked through. */
  private readonly besideScanned = new Set<string>();
  private rcCache = new Map<string, { config?: XxgkConfig; error?: string } | null>();
  private readonly parsed = new Map<string, ParsedReport>();

  /**
   * `failed` hears of a report that could not be read (its identity, or last year's parse): it is skipped. `limits`
   * bounds the start-up scan.
   */
  constructor(
    private readonly openText: (uri: string) => string | undefined,
    private readonly failed: (uri: string, err: unknown) => void = () => undefined,
    private readonly limits: { readonly maxFiles: number } = { maxFiles: MAX_SCANNED_FILES },
    private readonly disk: Disk = nodeDisk,
  ) {}

  setFolders(uris: readonly string[]): void {
    // The root URI is often one of the workspace folders too; scan it once.
    this.folders = [...new Set(uris.map(uriToPath).filter((p): p is string => !!p).map((p) => path.resolve(p)))];
  }

  /**
   * Indexes the reports on disk. Bounded while walking: the walk stops at the file cap, does not follow links out
   * of a folder (a folder `/` holds `/proc/<pid>/root` → `/`) and reaches no file twice (see walkFiles).
   */
  async scan(): Promise<void> {
    this.reports.clear();
    this.parsed.clear();
    let left = this.limits.maxFiles;
    for (const folder of this.folders) {
      if (left <= 0) break;
      const walk = await walkFiles(['**/*.xxgk', '**/*.xxgk.md'], folder, folder, { maxFiles: left, ignore: ['**/.*/**'] });
      for (const file of walk.files) this.update(pathToFileURL(file.path).toString());
      left -= walk.files.length;
    }
  }

  /**
   * Without a workspace folder (a file opened on its own in Neovim or Helix), last year's report is looked for beside
   * the document: its own folder, not below it (that may be a home folder), once per folder.
   */
  async scanBeside(uri: string): Promise<boolean> {
    if (this.folders.length > 0) return false;
    const file = uriToPath(uri);
    if (!file) return false;
    const dir = path.dirname(path.resolve(file));
    if (this.besideScanned.has(dir)) return false;
    this.besideScanned.add(dir);
    const walk = await walkFiles(['*.xxgk', '*.xxgk.md'], dir, dir, { maxFiles: this.limits.maxFiles });
    for (const found of walk.files) {
      const other = pathToFileURL(found.path).toString();
      if (!this.reports.has(other)) this.update(other);
    }
    return walk.files.length > 0;
  }

  /** Re-reads one report's agency and year (from the open editor if it is open, else from disk). */
  update(uri: string, text?: string): void {
    this.parsed.delete(uri);
    const source = text ?? this.openText(uri) ?? this.readDisk(uri);
    let info: ReturnType<typeof reportIdentity>;
    try {
      info = source === undefined ? undefined : reportIdentity(source);
    } catch (err) {
      // One report that cannot be read must not stop the scan of the others.
      this.failed(uri, err);
    }
    if (info) this.reports.set(uri, { uri, ...info });
    else this.reports.delete(uri);
  }

  remove(uri: string): void {
    this.reports.delete(uri);
    this.parsed.delete(uri);
  }

  /** Where last year's report of the same agency is, if the workspace has it. */
  previousYearUri(doc: XxgkDocument, uri: string): string | undefined {
    const agency = doc.frontMatter?.entries.find((e) => e.canonical === 'agency')?.value;
    if (typeof agency !== 'string' || doc.year === undefined) return undefined;
    for (const info of this.reports.values()) {
      if (info.uri !== uri && info.agency === agency.trim() && info.year === doc.year - 1) return info.uri;
    }
    return undefined;
  }

  /** Last year's report of the same agency, parsed, if the workspace holds it (parsed again only when it changed). */
  previousYear(doc: XxgkDocument, uri: string): XxgkDocument | undefined {
    const other = this.previousYearUri(doc, uri);
    return other === undefined ? undefined : this.parsedReport(other);
  }

  private parsedReport(uri: string): XxgkDocument | undefined {
    const cached = this.parsed.get(uri);
    const open = this.openText(uri);
    let entry: ParsedReport;
    if (open !== undefined) {
      // The editor's text: the same string while the document is unchanged, so the comparison is usually by identity.
      if (cached?.text === open) return cached.doc;
      entry = { doc: this.parseReport(uri, open), text: open };
    } else {
      const file = uriToPath(uri);
      const stat = file === undefined ? undefined : this.disk.stat(file);
      // Only regular files: a FIFO named like a report would block the server for ever.
      if (!file || !stat || !stat.isFile() || stat.size > MAX_REPORT_BYTES) {
        this.parsed.delete(uri);
        return undefined;
      }
      if (cached && cached.text === undefined && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.doc;
      const text = this.readFile(file);
      entry = { doc: text === undefined ? undefined : this.parseReport(uri, text), mtimeMs: stat.mtimeMs, size: stat.size };
    }
    this.parsed.set(uri, entry);
    return entry.doc;
  }

  private parseReport(uri: string, text: string): XxgkDocument | undefined {
    try {
      return parse(text);
    } catch (err) {
      // Without last year's report this year's is still checked, only not against it.
      this.failed(uri, err);
      return undefined;
    }
  }

  /** The nearest `.xxgkrc.json` above the document, within the workspace. */
  rcFor(uri: string): { config?: XxgkConfig; error?: string; file?: string } {
    for (const dir of this.rcFolders(uri)) {
      const candidate = path.join(dir, '.xxgkrc.json');
      let entry = this.rcCache.get(candidate);
      if (entry === undefined) {
        // Read as the command reads it: only a regular file of sensible size (a FIFO would block the server).
        const read = readConfigFile(candidate);
        entry = read.problem === undefined ? parseRc(read.text) : read.problem === 'missing' ? null : { error: configReadMessage(read, '.xxgkrc.json') };
        this.rcCache.set(candidate, entry);
      }
      if (entry) return { ...entry, file: candidate };
    }
    return {};
  }

  /** The folders whose `.xxgkrc.json` would apply to the document, nearest first: its own, then up to its workspace folder. */
  rcFolders(uri: string): string[] {
    const file = uriToPath(uri);
    if (!file) return [];
    const folders: string[] = [];
    for (let dir = path.dirname(file); ; ) {
      folders.push(dir);
      const parent = path.dirname(dir);
      if (parent === dir || !this.folders.some((f) => parent === f || isInside(f, parent))) return folders;
      dir = parent;
    }
  }

  forgetRc(): void {
    this.rcCache.clear();
  }

  private readDisk(uri: string): string | undefined {
    const file = uriToPath(uri);
    if (!file) return undefined;
    // Only regular files: a FIFO named like a report would block the server for ever.
    const stat = this.disk.stat(file);
    return !stat || !stat.isFile() || stat.size > MAX_REPORT_BYTES ? undefined : this.readFile(file);
  }

  private readFile(file: string): string | undefined {
    try {
      return this.disk.read(file);
    } catch {
      return undefined;
    }
  }
}
