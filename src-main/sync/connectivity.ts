import { backoffDelay } from '../kitsu/backoff';

export type Reachability = 'online' | 'offline';

export interface ConnectivityOptions {
  /** Whether the server answers now (`GET <apiUrl>`); never throws. */
  probe: () => Promise<boolean>;
  /** The server became reachable or unreachable. */
  onChange: (status: Reachability) => void;
  /** First probe delay while offline; doubles up to `probeMaxMs`. */
  probeBaseMs?: number;
  probeMaxMs?: number;
}

/**
 * Whether the session's server can be reached, from what real requests met: an answer means
 * online at once; a network failure is checked by a probe first (one failed request may be a
 * blip), and a failed probe means offline. While offline it probes with backoff (1 s → 30 s)
 * and turns online at the first answer, a probe's or any request's.
 */
export class Connectivity {
  private current: Reachability = 'online';
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  /** Bumped by every answer: a probe started before it says nothing any more. */
  private answers = 0;
  private checking = false;
  private stopped = false;

  constructor(private readonly options: ConnectivityOptions) {}

  get status(): Reachability {
    return this.current;
  }

  online(): boolean {
    return this.current === 'online';
  }

  /** Calls `listener` each time the server becomes reachable again; answers the unsubscribe. */
  onOnline(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A request got an answer from the server (any HTTP status). */
  reachable(): void {
    if (this.stopped) return;
    this.answers += 1;
    if (this.current === 'online') return;
    this.cancelProbe();
    this.attempt = 0;
    this.set('online');
    for (const listener of [...this.listeners]) listener();
  }

  /** A request failed for want of the network. */
  unreachable(): void {
    if (this.stopped || this.current === 'offline' || this.checking) return;
    this.checking = true;
    const answersBefore = this.answers;
    void this.options.probe().then((answered) => {
      this.checking = false;
      if (this.stopped || this.answers !== answersBefore || this.current === 'offline') return;
      if (answered) return;
      this.set('offline');
      this.scheduleProbe();
    });
  }

  stop(): void {
    this.stopped = true;
    this.cancelProbe();
    this.listeners.clear();
  }

  private scheduleProbe(): void {
    this.cancelProbe();
    this.attempt += 1;
    const delay = backoffDelay(
      this.attempt,
      this.options.probeBaseMs ?? 1_000,
      this.options.probeMaxMs ?? 30_000,
    );
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.options.probe().then((answered) => {
        if (this.stopped || this.current === 'online') return;
        if (answered) this.reachable();
        else this.scheduleProbe();
      });
    }, delay);
    this.timer.unref?.();
  }

  private cancelProbe(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(status: Reachability): void {
    this.current = status;
    this.options.onChange(status);
  }
}

/** `GET <apiUrl>`: Kitsu's root answers without a token; any 2xx–4xx answer is the server's. */
export function probeServer(apiUrl: string, fetchImpl: typeof fetch, timeoutMs = 5_000) {
  return async (): Promise<boolean> => {
    try {
      const response = await fetchImpl(apiUrl, {
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      return response.status < 500;
    } catch {
      return false;
    }
  };
}
