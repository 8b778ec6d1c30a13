import { describe, expect, it } from 'vitest';
import type { TaskComment } from '../../src-shared/task-comment';
import type { OutboxEntry } from './outbox-entry';
import { replyKind } from './outbox-reply';
import { JORDAN_REF as jordan, replyEntry } from './test-support/reply-entry';

const entry = (state: OutboxEntry['state']) => replyEntry({ state, attempts: 1 });

const comment = (replies: TaskComment['replies']): TaskComment => ({
  id: 'comment-1',
  text: 'Another pass please',
  createdAt: '2026-11-28T09:00:00',
  person: { id: 'person-tom', fullName: 'Tom Becker' },
  taskStatus: null,
  checklist: [],
  replies,
  acknowledgedBy: [],
  mentions: [],
  attachments: [],
  previews: [],
  outboxState: null,
});

const serverReply = {
  id: 'server-reply-9',
  text: 'On it',
  createdAt: '2026-11-28T10:17:06',
  person: jordan,
  mentions: [],
  attachments: [],
};

const overlay = (state: OutboxEntry['state'], replies: TaskComment['replies']) =>
  replyKind.overlayThread!(entry(state), [comment(replies)], (c, id) => c.id === id)[0]!.replies;

describe('a reply waiting in the outbox', () => {
  it('shows under its comment, marked with its state', () => {
    expect(overlay('pending', []).map((r) => [r.text, r.outboxState])).toEqual([
      ['On it', 'pending'],
    ]);
  });

  it('shows once while being sent when the server lists it already', () => {
    expect(overlay('sending', [serverReply]).map((r) => r.id)).toEqual(['server-reply-9']);
  });

  it('is not mistaken for the same words said before it was written', () => {
    const older = { ...serverReply, id: 'server-reply-1', createdAt: '2026-11-27T18:00:00' };
    expect(overlay('sending', [older]).map((r) => r.id)).toEqual([
      'server-reply-1',
      'outbox-reply-1',
    ]);
  });
});
