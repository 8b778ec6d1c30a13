import type { Outbox } from './outbox';
import type { OutboxEntry } from './outbox-entry';
import type { NewOutboxEntry } from './outbox-store';

/**
 * A write through the outbox, as a screen waits on it: stored first, then tried at once when
 * the server is thought reachable. Delivered, the screen gets the server's answer; refused, its
 * error (and nothing stays behind); else it gets the write as it waits.
 */
export async function writeThroughOutbox<T>(
  outbox: Outbox,
  entry: NewOutboxEntry,
  answers: {
    delivered: (body: unknown) => T | Promise<T>;
    waiting: (stored: OutboxEntry) => T | Promise<T>;
  },
): Promise<T> {
  const stored = outbox.enqueue(entry);
  const outcome = await outbox.deliverNow(stored.id);
  if (outcome.type === 'delivered') return answers.delivered(outcome.body);
  if (outcome.type === 'refused') throw outcome.error;
  return answers.waiting(outbox.store.get(stored.id) ?? stored);
}
