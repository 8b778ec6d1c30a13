import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { publishFileKind } from '../../src-shared/publish';
import type { FoundRender } from '../../src-shared/working-files';

/** How long a new file's size must hold still before it counts as written. */
const SETTLE_MS = 700;

/**
 * Watches one task's preview folder (the open task's) for new movies and pictures: once a
 * file stops growing, it is granted for publishing and told about, once per file and version.
 */
export class RenderWatcher {
  private watcher: FSWatcher | null = null;
  private watched: { taskId: string; folder: string } | null = null;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly told = new Set<string>();

  constructor(
    private readonly options: {
      onFound(render: FoundRender): void;
      grant(path: string): void;
      settleMs?: number;
    },
  ) {}

  /** Watches this task's folder from now on (null: nothing); answers whether it could. */
  watch(taskId: string | null, folder: string | null): boolean {
    if (this.watched?.taskId === taskId && this.watched?.folder === folder && this.watcher) {
      return true;
    }
    this.stop();
    if (!taskId || !folder) return false;
    try {
      this.watcher = watch(folder, (_event, name) => {
        if (name) this.settle(taskId, join(folder, name.toString()));
      });
      this.watcher.on('error', () => this.stop());
    } catch {
      // No such folder (yet): creating it from the Files section starts the watch again.
      return false;
    }
    this.watched = { taskId, folder };
    return true;
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    this.watched = null;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private settle(taskId: string, path: string, lastSize = -1): void {
    const kind = publishFileKind(basename(path));
    if (kind !== 'movie' && kind !== 'picture') return;
    clearTimeout(this.pending.get(path));
    const timer = setTimeout(() => {
      this.pending.delete(path);
      void stat(path)
        .then((stats) => {
          if (!stats.isFile() || stats.size === 0) return;
          if (stats.size !== lastSize) {
            this.settle(taskId, path, stats.size);
            return;
          }
          const version = `${path}@${stats.mtimeMs}`;
          if (this.told.has(version) || this.watched?.taskId !== taskId) return;
          this.told.add(version);
          this.options.grant(path);
          this.options.onFound({ taskId, ref: path, name: basename(path), size: stats.size });
        })
        .catch(() => undefined);
    }, this.options.settleMs ?? SETTLE_MS);
    this.pending.set(path, timer);
  }
}
