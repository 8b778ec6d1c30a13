import type { Statement } from 'better-sqlite3';
import type { CacheDb } from '../cache/cache-db';
import {
  toOutboxEntry,
  type OutboxEntry,
  type OutboxResolution,
  type ServerStatus,
} from './outbox-entry';

/** What a write brings; the store adds its sequence, state and bookkeeping. */
export type NewOutboxEntry = Pick<
  OutboxEntry,
  'id' | 'lane' | 'taskId' | 'kind' | 'payload' | 'baseStatusId'
>;

/** Receipts older than this are dropped: a write that old can no longer be in doubt. */
const RECEIPT_DAYS = 30;

/** The outbox tables (migration 2): every read and write of them, each one statement or transaction. */
export class OutboxStore {
  private readonly statements = new Map<string, Statement>();

  constructor(
    readonly db: CacheDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Each statement prepared once. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  insert(entry: NewOutboxEntry): OutboxEntry {
    const now = this.stamp();
    this.sql(
      `INSERT INTO outbox_entry (id, lane, task_id, kind, payload, base_status_id, created_at,
           updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.id,
      entry.lane,
      entry.taskId,
      entry.kind,
      JSON.stringify(entry.payload),
      entry.baseStatusId,
      now,
      now,
    );
    return this.get(entry.id)!;
  }

  get(id: string): OutboxEntry | null {
    const row = this.sql('SELECT * FROM outbox_entry WHERE id = ?').get(id);
    return row ? toOutboxEntry(row) : null;
  }

  /** Every waiting write, oldest first. */
  all(): OutboxEntry[] {
    return this.sql('SELECT * FROM outbox_entry ORDER BY seq').all().map(toOutboxEntry);
  }

  forTask(taskId: string): OutboxEntry[] {
    return this.sql('SELECT * FROM outbox_entry WHERE task_id = ? ORDER BY seq')
      .all(taskId)
      .map(toOutboxEntry);
  }

  forLane(lane: string): OutboxEntry[] {
    return this.sql('SELECT * FROM outbox_entry WHERE lane = ? ORDER BY seq')
      .all(lane)
      .map(toOutboxEntry);
  }

  /** The lane's oldest write: the only one that may go next. */
  head(lane: string): OutboxEntry | null {
    const row = this.sql('SELECT * FROM outbox_entry WHERE lane = ? ORDER BY seq LIMIT 1').get(
      lane,
    );
    return row ? toOutboxEntry(row) : null;
  }

  /** The last write of a lane, whose outcome the next one builds on. */
  tail(lane: string): OutboxEntry | null {
    const row = this.sql('SELECT * FROM outbox_entry WHERE lane = ? ORDER BY seq DESC LIMIT 1').get(
      lane,
    );
    return row ? toOutboxEntry(row) : null;
  }

  lanes(): string[] {
    return (this.sql('SELECT DISTINCT lane FROM outbox_entry').all() as { lane: string }[]).map(
      (row) => row.lane,
    );
  }

  count(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM outbox_entry').get() as { n: number }).n;
  }

  /** Committed before the request leaves: from now on the write may land without our knowing. */
  markSending(id: string): OutboxEntry {
    const now = this.stamp();
    this.sql(
      `UPDATE outbox_entry SET state = 'sending', attempts = attempts + 1,
           maybe_sent_since = COALESCE(maybe_sent_since, ?), updated_at = ?
         WHERE id = ?`,
    ).run(now, now, id);
    return this.get(id)!;
  }

  /** Back to waiting after a failure that may be temporary; it may have landed all the same. */
  markRetry(id: string, error: string): void {
    this.sql(
      `UPDATE outbox_entry SET state = 'pending', last_error = ?, updated_at = ? WHERE id = ?`,
    ).run(error, this.stamp(), id);
  }

  markConflict(id: string, reason: string, serverStatus: ServerStatus | null): void {
    this.sql(
      `UPDATE outbox_entry SET state = 'conflict', reason = ?, server_status = ?,
           resolution = NULL, updated_at = ? WHERE id = ?`,
    ).run(reason, serverStatus ? JSON.stringify(serverStatus) : null, this.stamp(), id);
  }

  /**
   * The server refused it; it waits for the person. `maybe_sent_since` stays: only a delivery
   * proves that no earlier attempt landed, so the next one still looks first.
   */
  markFailed(id: string, reason: string): void {
    this.sql(
      `UPDATE outbox_entry SET state = 'failed', reason = ?, updated_at = ? WHERE id = ?`,
    ).run(reason, this.stamp(), id);
  }

  /** A step of a write landed (see `ReplayContext.saveProgress`). */
  updatePayload(id: string, payload: unknown): void {
    this.sql('UPDATE outbox_entry SET payload = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(payload),
      this.stamp(),
      id,
    );
  }

  /** The person's choice after a conflict or a refusal: it waits to go again. */
  resume(id: string, resolution: OutboxResolution | null, payload?: unknown): void {
    this.sql(
      `UPDATE outbox_entry SET state = 'pending', resolution = ?, reason = NULL,
           last_error = NULL, attempts = 0, payload = COALESCE(?, payload), updated_at = ?
         WHERE id = ?`,
    ).run(resolution, payload === undefined ? null : JSON.stringify(payload), this.stamp(), id);
  }

  /**
   * The server has it: the entry goes, a receipt stays (so that the same server row is never
   * taken for another write), and the lane's next write now expects the status it left.
   * `alsoInTransaction` lets the cache store the server's row in the same transaction.
   */
  deliver(
    entry: OutboxEntry,
    serverId: string,
    statusAfter: string | null,
    alsoInTransaction?: () => void,
  ): void {
    this.db.transaction(() => {
      this.sql('DELETE FROM outbox_entry WHERE id = ?').run(entry.id);
      this.sql(
        `INSERT OR REPLACE INTO outbox_receipt (id, kind, task_id, server_id, delivered_at)
           VALUES (?, ?, ?, ?, ?)`,
      ).run(entry.id, entry.kind, entry.taskId, serverId, this.stamp());
      // A write that sets no status (a reply, an ack) passes on the one it expected.
      this.rebaseNext(entry, statusAfter ?? entry.baseStatusId);
      alsoInTransaction?.();
    })();
  }

  /** Dropped by the person: what it would have changed never happened, for the next write too. */
  discard(entry: OutboxEntry): void {
    this.db.transaction(() => {
      this.sql('DELETE FROM outbox_entry WHERE id = ?').run(entry.id);
      this.rebaseNext(entry, entry.baseStatusId);
    })();
  }

  private rebaseNext(entry: OutboxEntry, baseStatusId: string | null): void {
    this.sql(
      `UPDATE outbox_entry SET base_status_id = ?
         WHERE seq = (SELECT MIN(seq) FROM outbox_entry WHERE lane = ? AND seq > ?)`,
    ).run(baseStatusId, entry.lane, entry.seq);
  }

  /** Whether a server row is already the delivery of some write. */
  isReceipted(serverId: string): boolean {
    return (
      this.sql('SELECT 1 FROM outbox_receipt WHERE server_id = ? LIMIT 1').get(serverId) !==
      undefined
    );
  }

  receipt(id: string): { serverId: string } | null {
    const row = this.sql('SELECT server_id FROM outbox_receipt WHERE id = ?').get(id) as
      { server_id: string } | undefined;
    return row ? { serverId: row.server_id } : null;
  }

  pruneReceipts(): void {
    const before = new Date(this.now().getTime() - RECEIPT_DAYS * 24 * 3600_000).toISOString();
    this.sql('DELETE FROM outbox_receipt WHERE delivered_at < ?').run(before);
  }
}
