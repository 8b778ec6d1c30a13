import type { OutboxEntry } from '../outbox-entry';

export const JORDAN_REF = { id: 'person-jordan', fullName: 'Jordan Reyes' };

/** A reply to `comment-1` of `task-1` waiting in the outbox, as its row reads back. */
export function replyEntry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    seq: 1,
    id: 'outbox-reply-1',
    lane: 'task-1',
    taskId: 'task-1',
    kind: 'reply',
    payload: {
      commentId: 'comment-1',
      text: 'On it',
      author: JORDAN_REF,
      mentions: [],
      taskLabel: null,
    },
    baseStatusId: null,
    state: 'pending',
    resolution: null,
    attempts: 0,
    maybeSentSince: null,
    lastError: null,
    reason: null,
    serverStatus: null,
    createdAt: '2026-11-28T10:17:05.120Z',
    updatedAt: '2026-11-28T10:17:05.120Z',
    ...overrides,
  };
}
