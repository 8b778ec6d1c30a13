import type { LiveTable, TableChange } from './event-tables';

export type ChangePush = (tables: string[], taskIds?: string[]) => void;

/**
 * Coalesces table changes into one push per window, so that a burst (an import, a batch of
 * status changes) makes one refetch and not thousands. The push names task ids only when every
 * task-level change of the window named its task: otherwise the renderer must refetch them all.
 */
export class ChangeBatcher {
  private tables = new Set<LiveTable>();
  private taskIds = new Set<string>();
  private scoped = true;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly push: ChangePush,
    private readonly windowMs: number,
  ) {}

  add(change: TableChange): void {
    this.tables.add(change.table);
    if (change.taskId !== null) this.taskIds.add(change.taskId);
    // A day off belongs to a person, not to a task: it leaves the task scope as it is.
    else if (change.table !== 'day-off') this.scoped = false;
    this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  /** Every table, for every task: after a gap in which events may have been missed. */
  addAll(tables: readonly LiveTable[]): void {
    for (const table of tables) this.add({ table, taskId: null });
  }

  flush(): void {
    this.cancelTimer();
    if (this.tables.size === 0) return;
    const tables = [...this.tables];
    const taskIds = this.scoped && this.taskIds.size > 0 ? [...this.taskIds] : undefined;
    this.reset();
    if (taskIds) this.push(tables, taskIds);
    else this.push(tables);
  }

  /** Drops what is pending without pushing it (the session ended). */
  discard(): void {
    this.cancelTimer();
    this.reset();
  }

  private reset(): void {
    this.tables = new Set();
    this.taskIds = new Set();
    this.scoped = true;
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
