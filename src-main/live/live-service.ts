import type { LiveState } from '../../src-shared/live';
import { ChangeBatcher, type ChangePush } from './change-batcher';
import { LIVE_TABLES, scopedChangeOf, type LiveScope } from './event-tables';
import { LiveConnection, type LiveTarget, type LiveTiming } from './live-connection';

export type { LiveTarget } from './live-connection';

export interface LiveServiceOptions extends Partial<LiveTiming> {
  /** The connection's state changed (`live:changed`). */
  onState: (state: LiveState) => void;
  /** Tables (and tasks) that changed on the server (`cache:changed`). */
  onChange: ChangePush;
  /** Events within this window make one push. */
  coalesceMs?: number;
  /** What the person's cache knows, to drop events that cannot concern them; null: keep all. */
  scope?: () => LiveScope | null;
}

const STOPPED: LiveState = { status: 'disconnected', detail: null };

/**
 * Live updates: while a session is logged in, main follows the server's socket.io `/events`
 * and tells the renderer which tables changed, a burst coalesced into one push, and every
 * table once after a reconnection (events may have been missed meanwhile).
 */
export class LiveService {
  private current: LiveState = STOPPED;
  private target: LiveTarget | null = null;
  private connection: LiveConnection | null = null;
  private readonly batcher: ChangeBatcher;
  private readonly timing: LiveTiming;

  constructor(private readonly options: LiveServiceOptions) {
    this.batcher = new ChangeBatcher(options.onChange, options.coalesceMs ?? 300);
    this.timing = {
      retryBaseMs: options.retryBaseMs ?? 1_000,
      retryMaxMs: options.retryMaxMs ?? 30_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 20_000,
    };
  }

  get state(): LiveState {
    return this.current;
  }

  /** Follows this session's server; a no-op when it already does. */
  start(target: LiveTarget): void {
    if (this.target === target) return;
    this.stop();
    this.target = target;
    const connection: LiveConnection = new LiveConnection({
      ...this.timing,
      target,
      // Callbacks of a connection that has since been closed change nothing.
      onState: (state) => {
        if (this.connection === connection) this.setState(state);
      },
      onEvent: (name, data) => {
        const change = scopedChangeOf(name, data, this.options.scope?.() ?? null);
        if (change && this.connection === connection) this.batcher.add(change);
      },
      onResumed: () => {
        if (this.connection === connection) this.batcher.addAll(LIVE_TABLES);
      },
    });
    this.connection = connection;
    connection.open();
  }

  stop(): void {
    this.connection?.close();
    this.connection = null;
    this.target = null;
    this.batcher.discard();
    this.setState(STOPPED);
  }

  private setState(state: LiveState): void {
    if (state.status === this.current.status && state.detail === this.current.detail) return;
    this.current = state;
    this.options.onState(state);
  }
}
