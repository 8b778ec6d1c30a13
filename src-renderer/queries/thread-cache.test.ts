import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { CommentChecklistItem, TaskComment } from '../../src-shared/task-comment';
import { queryKeys } from './keys';
import { checklistUpdateOptions, withWritten } from './thread-cache';

const comment = (id: string, checklist: CommentChecklistItem[]): TaskComment => ({
  id,
  text: '',
  createdAt: '2024-05-02T10:00:00',
  person: { id: 'p', fullName: 'Priya Raman' },
  taskStatus: null,
  checklist,
  replies: [],
  acknowledgedBy: [],
  mentions: [],
  attachments: [],
  previews: [],
  outboxState: null,
});

const before = [
  { text: 'Arc', checked: false },
  { text: 'Landing', checked: false },
];
const ticked = [
  { text: 'Arc', checked: true },
  { text: 'Landing', checked: false },
];

/** A thread of two comments in a real QueryClient, and a save that answers when told. */
function setUp() {
  const client = new QueryClient();
  client.setQueryData(queryKeys.comments('t'), [comment('c1', before), comment('c2', before)]);
  let settle!: { resolve(value: unknown): void; reject(error: Error): void };
  const save = () =>
    new Promise<{ commentId: string; checklist: CommentChecklistItem[] }>((resolve, reject) => {
      settle = { resolve: resolve as (value: unknown) => void, reject };
    });
  const observer = new MutationObserver(client, checklistUpdateOptions(client, 't', 'c1', save));
  const checklistOf = (id: string) =>
    client.getQueryData<TaskComment[]>(queryKeys.comments('t'))!.find((row) => row.id === id)!
      .checklist;
  const saving = async () => {
    await expect.poll(() => settle !== undefined).toBe(true);
    return settle;
  };
  return { observer, checklistOf, saving };
}

describe('checklistUpdateOptions', () => {
  it('shows the tick at once and keeps the server’s answer', async () => {
    const { observer, checklistOf, saving } = setUp();
    const done = observer.mutate(ticked);
    const pending = await saving();
    expect(checklistOf('c1')).toEqual(ticked);
    expect(checklistOf('c2')).toEqual(before);
    pending.resolve({ commentId: 'c1', checklist: ticked });
    await done;
    expect(checklistOf('c1')).toEqual(ticked);
  });

  it('puts the list back and keeps the error when the save is refused', async () => {
    const { observer, checklistOf, saving } = setUp();
    const done = observer.mutate(ticked).catch((error: Error) => error);
    const pending = await saving();
    expect(checklistOf('c1')).toEqual(ticked);
    pending.reject(new Error('Only the author may change the items of this checklist.'));
    expect(await done).toBeInstanceOf(Error);
    expect(checklistOf('c1')).toEqual(before);
    expect(observer.getCurrentResult().error?.message).toContain('Only the author');
  });
});

describe('withWritten', () => {
  const mine = { id: 'p', fullName: 'Priya Raman' };
  const waiting = { ...comment('outbox-1', []), text: 'On it', outboxState: 'sending' as const };
  const landed = { ...comment('server-9', []), text: 'On it' };

  it('puts the server’s answer in place of its waiting copy, once', () => {
    const rows = [comment('c1', []), waiting];
    expect(withWritten(rows, landed, 'last').map((row) => row.id)).toEqual(['c1', 'server-9']);
    expect(withWritten(rows, landed, 'first').map((row) => row.id)).toEqual(['server-9', 'c1']);
  });

  it('replaces one waiting copy only: the same words sent twice both show', () => {
    const again = { ...waiting, id: 'outbox-2' };
    expect(withWritten([waiting, again], landed, 'last').map((row) => row.id)).toEqual([
      'outbox-2',
      'server-9',
    ]);
  });

  it('keeps a reply already listed under its server id once', () => {
    expect(withWritten([landed], landed, 'last')).toHaveLength(1);
  });

  it('adds a write still waiting beside other people’s identical words', () => {
    const theirs = { ...landed, id: 'server-1', person: { ...mine, id: 'q' } };
    expect(withWritten([theirs], waiting, 'last').map((row) => row.id)).toEqual([
      'server-1',
      'outbox-1',
    ]);
  });
});
