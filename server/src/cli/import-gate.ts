/**
 * The import gate of `xxgk check`'s worker pool: which imports (and checks of reports) run side by side in the
 * process, across its threads, so that a file stopped for the process's memory while others ran is tried again
 * alone before it is refused (server/src/cli/import-worker.ts).
 */

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
  }

  /** Whether another import ran at some moment while this one did (it was running when this one started, or started later). */
  hadCompany(entry: GateEntry): boolean {
    return entry.running > 1 || Atomics.load(this.cells, STARTED) !== entry.started;
  }

  /**
   * Runs `run` with no other import in the process: one at a time, after those running have ended, or after
   * `patienceMs` (a thread that died inside the gate never leaves it: the retry must not wait for it for ever).
   */
  async alone<T>(run: () => Promise<T>, patienceMs = 5 * 60_000): Promise<T> {
    const c = this.cells;
    while (Atomics.compareExchange(c, ALONE, 0, 1) !== 0) await waitWhile(c, ALONE, 1);
    try {
      const until = Date.now() + patienceMs;
      for (let running = Atomics.load(c, RUNNING); running > 0 && Date.now() < until; running = Atomics.load(c, RUNNING)) await waitWhile(c, RUNNING, running, Math.max(1, until - Date.now()));
      return await run();
    } finally {
      Atomics.store(c, ALONE, 0);
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

/**
 * Waits, without blocking the thread, while cell `index` holds `value`, at most `limitMs`, looking every few
 * milliseconds. A timer, not Atomics.waitAsync: a thread with nothing else to do ended while waiting on that alone.
 */
async function waitWhile(cells: Int32Array, index: number, value: number, limitMs = Infinity): Promise<void> {
  const until = Date.now() + limitMs;
  while (Atomics.load(cells, index) === value && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

const POLL_MS = 10;

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

/** The gate over the process's cells (see importGateBuffer). */
export function processGate(): ImportGate {
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
