import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { localeSetting, setLocale, t, type LocaleSetting } from '../core/i18n';
import { importFile, type FileImport } from '../core/import/file';
import { processGate } from './import-gate';

/**
 * Imports run in a worker thread of their own, for `xxgk import`, `xxgk check` and the language server alike, so
 * that a file no limit of the readers foresaw cannot take the process down or hold it. Some cannot be bounded from
 * inside: pdf.js builds a page's drawing in one go, without yielding, and a 4 KB PDF whose form XObjects each draw
 * the one below ten times, six levels deep, kept the thread busy 30 s; a crash of V8 for want of memory ends a
 * process whatever catches it. A worker can be stopped from outside: it is given a time limit and a heap limit, and
 * past either it is terminated and the file refused with a message saying so. The next import starts a new one.
 */

/** Seconds a file may take: a report of 30 pages is read in 1–3 s. XXGK_IMPORT_TIME_LIMIT sets another (tests use 2). */
export const DEFAULT_TIME_LIMIT_S = 60;
/** The worker's old generation: far above what a report's import takes (under 200 MB for a 64 MB file). */
export const HEAP_LIMIT_MB = 2048;
/**
 * What the process may grow by while a file is imported, watched from this thread: the heap limit does not count
 * buffers (a PDF stream pdf.js unpacks is one), which an encrypted PDF's streams could swell past any heap limit,
 * since they are unpacked only once decrypted. XXGK_IMPORT_MEMORY_LIMIT (MB) sets another. The growth is the
 * process's, which `xxgk check`'s workers share as they import side by side: a file stopped while another was being
 * imported is tried again alone (ImportGate) before it is refused.
 */
export const DEFAULT_MEMORY_LIMIT_MB = 2048;
/** How often the process's memory is looked at while a file is imported. */
const MEMORY_POLL_MS = 200;
/** An idle worker is let go after this long (the language server would otherwise keep its memory for good). */
const IDLE_MS = 120_000;

interface ImportWorkerSetup extends LocaleSetting {
  readonly xxgkImportWorker: true;
}

interface ImportJob {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** True inside a worker started by IsolatedImporter (the same bundle runs as CLI, server and worker). */
export function isImportWorker(): boolean {
  return !isMainThread && (workerData as Partial<ImportWorkerSetup> | undefined)?.xxgkImportWorker === true;
}

/** Worker side: import each file sent, one at a time, and send back the outcome. */
export function runImportWorker(): void {
  const setup = workerData as ImportWorkerSetup;
  setLocale(setup.locale, setup.englishBundle);
  const port = parentPort!;
  port.on('message', (job: ImportJob) => {
    void importFile(job.fileName, job.bytes).then((outcome) => port.postMessage(outcome));
  });
}

/** Workers can only be started from the bundle (a .js file); run from TypeScript sources, imports run in-thread. */
function canStartWorker(): boolean {
  return typeof __filename === 'string' && __filename.endsWith('.js');
}

/** A timer's longest wait (2^31 − 1 ms); Node fires a longer one at once. */
const MAX_TIMER_S = 2_147_483;

export function timeLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  // A huge value, given to mean "no limit", is the longest wait a timer has: it was refused at once.
  return Math.min(positive(env.XXGK_IMPORT_TIME_LIMIT) ?? DEFAULT_TIME_LIMIT_S, MAX_TIMER_S);
}

export function memoryLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return positive(env.XXGK_IMPORT_MEMORY_LIMIT) ?? DEFAULT_MEMORY_LIMIT_MB;
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Why an attempt was stopped, if it was. */
interface Attempt {
  readonly outcome: FileImport;
  readonly stoppedForMemory: boolean;
}

/**
 * One worker, kept between files (pdf.js, loaded on the first PDF, stays loaded), with one import at a time. It does
 * not keep the process alive while idle.
 */
export class IsolatedImporter {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly timeLimitSeconds = timeLimitFromEnv(),
    private readonly memoryLimitMb = memoryLimitFromEnv(),
  ) {}

  import(fileName: string, bytes: Uint8Array): Promise<FileImport> {
    if (!canStartWorker()) return importFile(fileName, bytes);
    const run = this.queue.then(() => this.gated(fileName, bytes));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    const setup: ImportWorkerSetup = { xxgkImportWorker: true, ...localeSetting() };
    const worker = new Worker(__filename, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    worker.unref();
    return worker;
  }

  /** One import, counted in the process's gate; tried again alone when it was stopped for memory in company. */
  private async gated(fileName: string, bytes: Uint8Array): Promise<FileImport> {
    const gate = processGate();
    const entry = await gate.enter();
    let attempt: Attempt;
    try {
      attempt = await this.runOne(fileName, bytes);
    } finally {
      gate.leave();
    }
    if (!attempt.stoppedForMemory || !gate.hadCompany(entry)) return attempt.outcome;
    return (await gate.alone(() => this.runOne(fileName, bytes))).outcome;
  }

  private runOne(fileName: string, bytes: Uint8Array): Promise<Attempt> {
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.start());
    const baseline = process.memoryUsage.rss();
    return new Promise<Attempt>((resolve) => {
      const finish = (outcome: FileImport, stop: boolean, stoppedForMemory = false) => {
        clearTimeout(timer);
        clearInterval(watch);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (stop) {
          if (this.worker === worker) this.worker = undefined;
          void worker.terminate();
        } else {
          this.idle = setTimeout(() => void this.dispose(), IDLE_MS).unref();
        }
        resolve({ outcome, stoppedForMemory });
      };
      const onMessage = (outcome: FileImport) => finish(outcome, false);
      const onError = (err: Error & { code?: string }) => {
        const message =
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? t('读取时占用的内存超过上限（{0} MB），已停止，未导入；文件可能已损坏或构造异常', HEAP_LIMIT_MB)
            : t('读取时出错，已停止，未导入（{0}）', err.message);
        // The worker's own heap (not shared): no retry.
        finish({ ok: false, message }, true);
      };
      const onExit = (code: number) => finish({ ok: false, message: t('读取时出错，已停止，未导入（{0}）', `exit ${code}`) }, true);
      const timer = setTimeout(() => {
        const message = t('读取超过 {0} 秒仍未完成，已停止，未导入；文件可能构造异常（如图形层层嵌套）', this.timeLimitSeconds);
        finish({ ok: false, message }, true);
      }, this.timeLimitSeconds * 1000);
      const watch = setInterval(() => {
        const grown = (process.memoryUsage.rss() - baseline) / 1024 / 1024;
        if (grown > this.memoryLimitMb) finish({ ok: false, message: t('读取时占用的内存超过上限（{0} MB），已停止，未导入；文件可能已损坏或构造异常', this.memoryLimitMb) }, true, true);
      }, MEMORY_POLL_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ fileName, bytes } satisfies ImportJob);
    });
  }
}

/** This thread's importer: one worker for the CLI, for each of `check`'s workers, and for the language server. */
let shared: IsolatedImporter | undefined;

/** Imports a file in this thread's import worker (see IsolatedImporter). */
export function importInWorker(fileName: string, bytes: Uint8Array): Promise<FileImport> {
  shared ??= new IsolatedImporter();
  return shared.import(fileName, bytes);
}
