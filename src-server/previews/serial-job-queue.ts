/** The reason a job's signal carries when the queue is closed: the job is not its fault. */
export class QueueClosed extends Error {
  constructor() {
    super('The server is stopping.');
  }
}

/** Runs one job; it must stop soon after `signal` aborts and settle only once it has. */
export type Job = (signal: AbortSignal) => Promise<void>;

export interface SerialJobQueueOptions {
  /** Past this, a job's signal aborts with `timeoutReason()`. */
  timeoutMs: number;
  timeoutReason: () => Error;
  /** A job that threw: jobs handle their own failures, so this is a bug worth logging. */
  onUnexpectedError: (key: string, error: unknown) => void;
}

interface Waiting {
  key: string;
  job: Job;
  done: Array<() => void>;
}

/**
 * An in-process FIFO that runs one job at a time (movie encoding takes every core of a small
 * machine), each with a deadline. Closing it drops the waiting jobs and aborts the running
 * one, resolving once that one has settled.
 */
export class SerialJobQueue {
  private readonly waiting: Waiting[] = [];
  private current: { key: string; controller: AbortController } | null = null;
  private drained: Promise<void> = Promise.resolve();
  private draining = false;
  private closed = false;

  constructor(private readonly options: SerialJobQueueOptions) {}

  /** Queues a job under a key (a key already queued or running is not queued twice). */
  enqueue(key: string, job: Job): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const queued = this.waiting.find((entry) => entry.key === key);
      if (queued) return queued.done.push(resolve);
      if (this.current?.key === key) return resolve();
      this.waiting.push({ key, job, done: [resolve] });
      if (!this.draining) {
        this.draining = true;
        this.drained = this.drain();
      }
    });
  }

  /** The key of the job running now, if any. */
  get runningKey(): string | null {
    return this.current?.key ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.waiting.splice(0)) entry.done.forEach((done) => done());
    this.current?.controller.abort(new QueueClosed());
    await this.drained;
  }

  private async drain(): Promise<void> {
    for (let entry = this.waiting.shift(); entry; entry = this.waiting.shift()) {
      const controller = new AbortController();
      this.current = { key: entry.key, controller };
      const timer = setTimeout(
        () => controller.abort(this.options.timeoutReason()),
        this.options.timeoutMs,
      );
      timer.unref();
      try {
        await entry.job(controller.signal);
      } catch (error) {
        if (!(error instanceof QueueClosed)) this.options.onUnexpectedError(entry.key, error);
      } finally {
        clearTimeout(timer);
        this.current = null;
        entry.done.forEach((done) => done());
      }
    }
    this.draining = false;
  }
}
