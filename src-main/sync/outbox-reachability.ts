import { backoffDelay } from '../kitsu/backoff';

/**
 * Whether the server answers, as the outbox needs to know it: reachable until a write fails
 * for want of the network, then probed (`GET <apiUrl>`) with a growing delay until it answers.
 * (Stand-in until the sync service's connectivity takes over; same contract.)
 */
export class OutboxReachability {
  private reachable = true;
  private timer: NodeJS.Timeout | null = null;
  private probes = 0;
  private closed = false;
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(
    private readonly apiUrl: string,
    private readonly options: { fetch?: typeof fetch; baseMs?: number; maxMs?: number } = {},
  ) {}

  online(): boolean {
    return this.reachable;
  }

  /** Called with the new value whenever reachability changes. */
  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A request failed for want of the network: offline until a probe gets an answer. */
  reportOffline(): void {
    if (this.closed || !this.reachable) return;
    this.set(false);
    this.probes = 0;
    this.scheduleProbe();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private scheduleProbe(): void {
    this.probes += 1;
    const delay = backoffDelay(
      this.probes,
      this.options.baseMs ?? 1_000,
      this.options.maxMs ?? 30_000,
    );
    this.timer = setTimeout(() => void this.probe(), delay);
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    this.timer = null;
    const answered = await (this.options.fetch ?? fetch)(this.apiUrl, {
      signal: AbortSignal.timeout(10_000),
    }).then(
      async (response) => {
        await response.body?.cancel();
        return true;
      },
      () => false,
    );
    if (this.closed) return;
    if (answered) this.set(true);
    else this.scheduleProbe();
  }

  private set(online: boolean): void {
    if (this.reachable === online) return;
    this.reachable = online;
    for (const listener of this.listeners) listener(online);
  }
}
