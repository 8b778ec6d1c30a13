/**
 * One pull per key at a time (`list:todo`, `thread:<id>`…): who asks while one runs shares it,
 * or — when news arrived after it started — gets one more run after it, shared too. Pulls
 * also run one at a time overall where they write (`exclusive`): the cache has one writer.
 */
export class PullScheduler {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly queued = new Map<string, Promise<unknown>>();
  private readonly finishedAt = new Map<string, number>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly now: () => number = Date.now) {}

  /** The running pull of `key` if there is one, else a new one. */
  join<T>(key: string, pull: () => Promise<T>): Promise<T> {
    const running = this.running.get(key) as Promise<T> | undefined;
    return running ?? this.start(key, pull);
  }

  /** A pull that starts after anything that was running for `key` when asked. */
  run<T>(key: string, pull: () => Promise<T>): Promise<T> {
    const running = this.running.get(key);
    if (!running) return this.start(key, pull);
    let queued = this.queued.get(key) as Promise<T> | undefined;
    if (!queued) {
      const next = running
        .catch(() => undefined)
        .then(() => {
          this.queued.delete(key);
          return this.start(key, pull);
        });
      this.queued.set(key, next);
      queued = next;
    }
    return queued;
  }

  /** Whether `key` finished a pull less than `ms` ago. */
  finishedWithin(key: string, ms: number): boolean {
    const at = this.finishedAt.get(key);
    return at !== undefined && this.now() - at < ms;
  }

  /** Runs `write` when no other write runs: one writer at a time, in the order asked. */
  exclusive<T>(write: () => Promise<T>): Promise<T> {
    const result = this.writing.then(write);
    this.writing = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private start<T>(key: string, pull: () => Promise<T>): Promise<T> {
    const promise = pull().then((value) => {
      this.finishedAt.set(key, this.now());
      return value;
    });
    const tracked = promise.finally(() => {
      if (this.running.get(key) === tracked) this.running.delete(key);
    });
    // Failures are the caller's to handle; the bookkeeping copy must not be "unhandled".
    tracked.catch(() => undefined);
    this.running.set(key, tracked);
    return tracked;
  }
}
