import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkFile } from './check-file';
import { isImportInput } from './import-input';
import { countedInGate, useImportGate } from './import-gate';
import { applyLang, type Lang } from './locale';
import type { CheckTask, FileResult, RunContext } from './types';

/**
 * Below this many files, starting workers costs more than it saves: each loads and warms up its own copy of the
 * bundle, 0.1–0.2 s measured (bench/README.md), while a report takes about 1 ms to check.
 */
export const PARALLEL_THRESHOLD = 200;

/**
 * What a file costs against a report's check: an imported Word file, page or PDF is read and recognized first, some
 * 10–30 ms (bench/README.md, import of Word files and web pages), which is the time of about 16 reports' checks.
 */
export const IMPORT_WEIGHT = 16;

/** Whether a task's file is imported (a Word file, page or PDF named on disk) rather than checked as a report. */
function isImported(task: CheckTask): boolean {
  return !task.given && isImportInput(task.path);
}

export function workOf(task: CheckTask): number {
  return isImported(task) ? IMPORT_WEIGHT : 1;
}

/** Whether a run's files are worth starting workers for (see PARALLEL_THRESHOLD). */
export function worthWorkers(tasks: readonly CheckTask[]): boolean {
  let work = 0;
  for (const task of tasks) work += workOf(task);
  return work > PARALLEL_THRESHOLD;
}

/** What every worker needs to check files the way the main thread would. */
export interface WorkerSetup {
  readonly xxgkWorker: true;
  readonly lang: Lang;
  readonly bundle?: Record<string, string>;
  readonly run: RunContext;
  /** The process's import gate (see ImportGate): the threads import side by side. */
  readonly importGate: SharedArrayBuffer;
}

type Job = ReadonlyArray<{ readonly index: number; readonly task: CheckTask }> | null;
type Done = ReadonlyArray<{ readonly index: number; readonly result: FileResult }>;

/**
 * Work handed to a worker at a time (see workOf): 16 reports, or one imported file; small enough that one large file
 * holds up little, large enough to spare messages.
 */
const BATCH = 16;

/** True inside a worker started by checkInWorkers (the same bundle runs as CLI and as worker). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.xxgkWorker === true;
}

/** Worker side: check each file sent until told to stop (null). */
export function runWorker(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  applyLang(setup.lang, setup.bundle);
  useImportGate(setup.importGate);
  const onJob = async (job: Job) => {
    if (job === null) return port.close();
    // One file at a time: an imported Word file or page is read asynchronously, and its memory freed before the next.
    const done: Array<Done[number]> = [];
    // A report's check counts in the import gate, as an import does (an imported file's check of what it read does
    // not: it is a report's size).
    for (const { index, task } of job) done.push({ index, result: await (isImported(task) ? checkFile(task, setup.run) : countedInGate(() => checkFile(task, setup.run))) });
    port.postMessage(done);
  };
  port.on('message', (job: Job) => void onJob(job));
}

/** Workers can only be started from the bundle (a .js file); from TypeScript sources the run stays sequential. */
export function canUseWorkers(): boolean {
  return typeof __filename === 'string' && __filename.endsWith('.js');
}

/**
 * Checks the tasks on `jobs` workers, handing out small batches of files as workers become free. Results keep the order of `tasks`. Files a crashed worker left undone are checked here instead.
 */
export async function checkInWorkers(tasks: readonly CheckTask[], jobs: number, setup: WorkerSetup): Promise<FileResult[]> {
  const results = new Array<FileResult | undefined>(tasks.length);
  let next = 0;
  const workers: Worker[] = [];
  const runOne = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(__filename, { workerData: setup });
      workers.push(worker);
      const feed = () => {
        const batch: Array<{ index: number; task: CheckTask }> = [];
        let work = 0;
        while (work < BATCH && next < tasks.length) {
          work += workOf(tasks[next]);
          batch.push({ index: next, task: tasks[next++] });
        }
        worker.postMessage(batch.length ? batch : null);
      };
      worker.on('message', (done: Done) => {
        for (const d of done) results[d.index] = d.result;
        feed();
      });
      // Resolve either way: whatever is missing is redone below.
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, runOne));
  await Promise.all(workers.map((w) => w.terminate()));
  const all: FileResult[] = [];
  for (let i = 0; i < tasks.length; i++) all.push(results[i] ?? (await checkFile(tasks[i], setup.run)));
  return all;
}
