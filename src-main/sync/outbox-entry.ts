import { z } from 'zod';
import type { OutboxState } from '../../src-shared/sync';
import type { TaskStatusRef } from '../../src-shared/task-comment';

/** The kinds of write the outbox carries. */
export const OUTBOX_KINDS = [
  'comment',
  'reply',
  'ack',
  'time-spent',
  'day-off',
  'publish',
] as const;
export type OutboxKindName = (typeof OUTBOX_KINDS)[number];

/**
 * The task's status met by a conflict. `keepable: false`: the person may not post a comment
 * that keeps it (Zou checks the status of every comment), so only their own status will do.
 */
export type ServerStatus = TaskStatusRef & { keepable?: boolean };

/** What the person chose for a write that stopped as a conflict. */
export type OutboxResolution = 'post-anyway' | 'post-without-status';

/** One write waiting in the outbox, as read back from its row. */
export interface OutboxEntry {
  seq: number;
  /** The idempotency key. */
  id: string;
  /** Writes of one lane replay one after the other, in `seq` order (a task's id). */
  lane: string;
  taskId: string | null;
  kind: OutboxKindName;
  /** The kind's own payload, still to be parsed by the kind. */
  payload: unknown;
  /** The task's status on the server as this write expects to find it; null when unknown. */
  baseStatusId: string | null;
  state: OutboxState;
  resolution: OutboxResolution | null;
  attempts: number;
  /** Since when the write may have reached the server without its answer reaching us. */
  maybeSentSince: string | null;
  /** Why the last attempt failed, while it waits for the next one. */
  lastError: string | null;
  /** Why it stopped (conflict or failed), in words. */
  reason: string | null;
  /** The task's status on the server when the conflict was found. */
  serverStatus: ServerStatus | null;
  /** ISO 8601, this computer's clock. */
  createdAt: string;
  updatedAt: string;
}

const statusRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  color: z.string(),
  keepable: z.boolean().optional(),
});

/** A row as SQLite gives it; checked, since a cache file is outside the program's control. */
const rowSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  lane: z.string(),
  task_id: z.string().nullable(),
  kind: z.enum(OUTBOX_KINDS),
  payload: z.string(),
  base_status_id: z.string().nullable(),
  state: z.enum(['pending', 'sending', 'conflict', 'failed']),
  resolution: z.enum(['post-anyway', 'post-without-status']).nullable(),
  attempts: z.number().int(),
  maybe_sent_since: z.string().nullable(),
  last_error: z.string().nullable(),
  reason: z.string().nullable(),
  server_status: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export function toOutboxEntry(row: unknown): OutboxEntry {
  const parsed = rowSchema.parse(row);
  return {
    seq: parsed.seq,
    id: parsed.id,
    lane: parsed.lane,
    taskId: parsed.task_id,
    kind: parsed.kind,
    payload: JSON.parse(parsed.payload) as unknown,
    baseStatusId: parsed.base_status_id,
    state: parsed.state,
    resolution: parsed.resolution,
    attempts: parsed.attempts,
    maybeSentSince: parsed.maybe_sent_since,
    lastError: parsed.last_error,
    reason: parsed.reason,
    serverStatus:
      parsed.server_status === null
        ? null
        : statusRefSchema.parse(JSON.parse(parsed.server_status)),
    createdAt: parsed.created_at,
    updatedAt: parsed.updated_at,
  };
}
