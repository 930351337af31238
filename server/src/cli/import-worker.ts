import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { localeSetting, setLocale, t, type LocaleSetting } from '../core/i18n';
import { importFile, type FileImport } from '../core/import/file';

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

/**
 * Which imports run side by side in the process, across its threads: in `xxgk check`'s pool a file that swells the
 * process got a file imported beside it stopped for memory too, its growth being the process's. A file stopped for
 * memory while another import ran is tried again alone: new imports wait, and the retry waits for those running to
 * end. The pool's checks of reports count as imports here (countedInGate). Cells (shared by the pool's threads, see
 * importGateBuffer): imports running, whether one runs alone, imports started so far.
 */
export class ImportGate {
  constructor(private readonly cells: Int32Array) {}

  /** Counts an import in, once no file is being tried alone; what `hadCompany` needs to know afterwards. */
  async enter(): Promise<GateEntry> {
    const c = this.cells;
    for (;;) {
      await waitWhile(c, ALONE, 1);
      const running = Atomics.add(c, RUNNING, 1) + 1;
      const started = Atomics.add(c, STARTED, 1) + 1;
      if (Atomics.load(c, ALONE) === 0) return { running, started };
      // A retry took the gate meanwhile: wait for it like the rest.
      this.leave();
    }
  }

  leave(): void {
    Atomics.sub(this.cells, RUNNING, 1);
    Atomics.notify(this.cells, RUNNING);
  }

  /** Whether another import ran at some moment while this one did (it was running when this one started, or started later). */
  hadCompany(entry: GateEntry): boolean {
    return entry.running > 1 || Atomics.load(this.cells, STARTED) !== entry.started;
  }

  /** Runs `run` with no other import in the process: one at a time, after those running have ended. */
  async alone<T>(run: () => Promise<T>): Promise<T> {
    const c = this.cells;
    while (Atomics.compareExchange(c, ALONE, 0, 1) !== 0) await waitWhile(c, ALONE, 1);
    try {
      for (let running = Atomics.load(c, RUNNING); running > 0; running = Atomics.load(c, RUNNING)) await waitWhile(c, RUNNING, running);
      return await run();
    } finally {
      Atomics.store(c, ALONE, 0);
      Atomics.notify(c, ALONE);
    }
  }
}

interface GateEntry {
  readonly running: number;
  readonly started: number;
}

const RUNNING = 0;
const ALONE = 1;
const STARTED = 2;

/** Waits, without blocking the thread, while cell `index` holds `value` (at most a second, then looks again). */
async function waitWhile(cells: Int32Array, index: number, value: number): Promise<void> {
  while (Atomics.load(cells, index) === value) {
    const wait = Atomics.waitAsync(cells, index, value, 1000);
    if (wait.async) await wait.value;
  }
}

let gateCells: Int32Array | undefined;

/** The process's gate cells: made by the main thread, given to `check`'s pool threads (useImportGate). */
export function importGateBuffer(): SharedArrayBuffer {
  gateCells ??= new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  return gateCells.buffer as SharedArrayBuffer;
}

/** In a pool thread: import through the main thread's gate. */
export function useImportGate(buffer: SharedArrayBuffer): void {
  gateCells = new Int32Array(buffer);
}

function processGate(): ImportGate {
  return new ImportGate(new Int32Array(importGateBuffer()));
}

/**
 * Runs other work that swells the process (a pool thread checking a large report) counted in the gate as an import
 * is: an import stopped for memory meanwhile had company, and a retry alone waits for it. A 6 MB report checked in
 * one thread got short pages imported in the other refused for memory.
 */
export async function countedInGate<T>(run: () => Promise<T>): Promise<T> {
  const gate = processGate();
  await gate.enter();
  try {
    return await run();
  } finally {
    gate.leave();
  }
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
