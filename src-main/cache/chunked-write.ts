/** Rows per transaction of a big write: a few milliseconds each, so main answers in between. */
export const WRITE_CHUNK_ROWS = 500;

/** Lets the event loop run what waits (IPC, timers, sockets) before the next chunk. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Whether the cache is still open: a write that spans turns stops when it closed meanwhile. */
export interface WriteGuard {
  readonly closed: boolean;
}

export class CacheClosedError extends Error {
  constructor() {
    super('The offline cache closed during a write (the session ended).');
    this.name = 'CacheClosedError';
  }
}

/** Waits a turn, then throws when the cache closed meanwhile. */
export async function nextChunk(guard: WriteGuard): Promise<void> {
  await nextTurn();
  if (guard.closed) throw new CacheClosedError();
}
