import * as fs from 'node:fs';
import { CONFIG_FILE_NAME } from '../cli/config';

/** Folders watched at most: each is a file descriptor (an inotify watch on Linux). */
const MAX_WATCHED_FOLDERS = 64;
/** An editor saves a file in several writes (truncate, write, rename): they are one change. */
const DEBOUNCE_MS = 100;

/**
 * Watches the folders where a `.xxgkrc.json` would apply to an open document, for clients that cannot watch files for
 * the server (no dynamic registration of `workspace/didChangeWatchedFiles`). Each folder is watched on its own, not
 * recursively: only the folders between a document and its workspace folder matter, not a whole tree. The watchers
 * do not keep the process alive, and `close` ends them (on shutdown).
 */
export class RcWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly changed: () => void) {}

  watch(folders: readonly string[]): void {
    for (const folder of folders) {
      if (this.closed || this.watchers.has(folder) || this.watchers.size >= MAX_WATCHED_FOLDERS) continue;
      try {
        const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
          // Some platforms give no name: then any change in the folder may be the configuration's.
          if (name === null || String(name) === CONFIG_FILE_NAME) this.schedule();
        });
        watcher.on('error', () => this.unwatch(folder));
        this.watchers.set(folder, watcher);
      } catch {
        // A folder that is gone or unreadable has no configuration to watch.
      }
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const folder of [...this.watchers.keys()]) this.unwatch(folder);
  }

  get size(): number {
    return this.watchers.size;
  }

  private unwatch(folder: string): void {
    try {
      this.watchers.get(folder)?.close();
    } catch {
      // Already closed.
    }
    this.watchers.delete(folder);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.closed) this.changed();
    }, DEBOUNCE_MS);
  }
}
