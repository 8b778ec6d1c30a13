import type { Socket } from 'socket.io-client';
import type { LiveState } from '../../src-shared/live';
import { isAppError } from '../kitsu/app-error';
import { backoffDelay } from '../kitsu/backoff';
import { eventStreamOrigin, openEventSocket } from './event-socket';

/** What the live connection needs of a session; the session's KitsuClient provides it. */
export interface LiveTarget {
  readonly apiUrl: string;
  /** The access token in use now: it changes when the client refreshes it. */
  readonly accessToken: string;
  /** Renews the access token now; rejects with `auth-expired` when the session is over. */
  refreshAccessToken(): Promise<void>;
}

export interface LiveTiming {
  retryBaseMs: number;
  retryMaxMs: number;
  connectTimeoutMs: number;
}

export interface LiveConnectionOptions extends LiveTiming {
  target: LiveTarget;
  onState: (state: LiveState) => void;
  onEvent: (name: string, data: unknown) => void;
  /** Connected again after a time in which events may have been missed. */
  onResumed: () => void;
}

/**
 * One session's subscription to the server's `/events`, kept up until closed: every attempt
 * uses the client's current access token, so a refreshed token is used from the next
 * connection on; a refused handshake renews the token once, then waits like any failure.
 * An open connection is left alone when the token changes: the server checks it only at
 * the handshake, and reconnecting would open a gap for nothing.
 */
export class LiveConnection {
  private socket: Socket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private failures = 0;
  private everConnected = false;
  private refreshedSinceConnect = false;
  private readonly origin: string;

  constructor(private readonly options: LiveConnectionOptions) {
    this.origin = eventStreamOrigin(options.target.apiUrl);
  }

  open(): void {
    this.options.onState({ status: 'connecting', detail: null });
    this.connect();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dropSocket();
  }

  private connect(): void {
    if (this.closed) return;
    const { target, connectTimeoutMs } = this.options;
    const socket = openEventSocket(target.apiUrl, target.accessToken, connectTimeoutMs);
    this.socket = socket;
    socket.on('connect', () => {
      if (socket === this.socket) this.onConnected();
    });
    socket.on('connect_error', (error) => {
      if (socket === this.socket) void this.onConnectError(!socket.active, error);
    });
    socket.on('disconnect', (reason) => {
      if (socket === this.socket) this.onDropped(reason);
    });
    socket.onAny((name: string, data: unknown) => {
      if (socket === this.socket) this.options.onEvent(name, data);
    });
  }

  private onConnected(): void {
    const resumed = this.everConnected || this.failures > 0;
    this.everConnected = true;
    this.failures = 0;
    this.refreshedSinceConnect = false;
    this.options.onState({ status: 'connected', detail: null });
    if (resumed) this.options.onResumed();
  }

  /** `refused`: the server answered and turned the handshake down (socket.io's inactive socket). */
  private async onConnectError(refused: boolean, error: Error): Promise<void> {
    this.dropSocket();
    this.failures += 1;
    if (!refused) {
      this.retryLater(`Cannot reach ${this.origin} for live updates (${error.message}).`);
      return;
    }
    if (this.refreshedSinceConnect) {
      this.retryLater(`The server refused live updates for this login (${error.message}).`);
      return;
    }
    // Most often an expired access token: renew it once, then try again at once.
    this.refreshedSinceConnect = true;
    try {
      await this.options.target.refreshAccessToken();
    } catch (failure) {
      if (this.closed) return;
      const message = failure instanceof Error ? failure.message : String(failure);
      if (isAppError(failure) && failure.code === 'auth-expired') {
        // The session is over; its end stops this connection.
        this.options.onState({ status: 'disconnected', detail: message });
        return;
      }
      this.retryLater(
        `The server refused live updates and the login could not be renewed (${message}).`,
      );
      return;
    }
    this.connect();
  }

  private onDropped(reason: string): void {
    this.dropSocket();
    this.options.onState({
      status: 'connecting',
      detail: `The live connection to ${this.origin} dropped (${reason}).`,
    });
    this.schedule(backoffDelay(1, this.options.retryBaseMs, this.options.retryMaxMs));
  }

  private retryLater(detail: string): void {
    if (this.closed) return;
    this.options.onState({ status: 'disconnected', detail });
    const { retryBaseMs, retryMaxMs } = this.options;
    this.schedule(backoffDelay(this.failures, retryBaseMs, retryMaxMs));
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delayMs);
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.offAny();
    socket.removeAllListeners();
    socket.close();
  }
}
