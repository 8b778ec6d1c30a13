import type {
  LoggedInState,
  LoginResult,
  ServerTarget,
  SessionState,
  SessionUser,
} from '../../src-shared/session';
import { AppError, isAppError } from '../kitsu/app-error';
import { checkServer } from '../kitsu/check-server';
import { KitsuClient, type KitsuTokens } from '../kitsu/kitsu-client';
import type { AppStateStore } from '../settings/app-state-store';
import { requestEmailOtp } from './email-otp-request';
import { requestLogin, type Credentials } from './login-request';
import type { SecretStore } from './secret-store';
import { toSessionUser } from './session-user';
import { parseStoredSession, serializeStoredSession, type StoredSession } from './stored-session';

export interface SessionServiceOptions {
  secrets: SecretStore;
  appState: AppStateStore;
  /** The local studio's API URL, starting it when needed. */
  localStudioUrl: () => Promise<string>;
  onChange: (state: SessionState) => void;
  fetch?: typeof fetch;
}

interface ActiveSession {
  stored: StoredSession;
  client: KitsuClient;
}

/**
 * The person's session with one Kitsu server: login, restore at start without a prompt,
 * silent refresh (through the client), logout. The tokens stay here and in the secret store.
 */
export class SessionService {
  private active: ActiveSession | null = null;
  private notice: string | null = null;
  private restoring: Promise<void> | null = null;

  constructor(private readonly options: SessionServiceOptions) {}

  async state(): Promise<SessionState> {
    await this.restore();
    return this.describe();
  }

  /** The client of the logged-in session; `auth-expired` when there is none. */
  async client(): Promise<KitsuClient> {
    return (await this.activeSession()).client;
  }

  /** The logged-in person; `auth-expired` when there is none. */
  async user(): Promise<SessionUser> {
    return (await this.activeSession()).stored.user;
  }

  private async activeSession(): Promise<ActiveSession> {
    await this.restore();
    if (!this.active) throw new AppError('auth-expired', 'You are not logged in. Log in first.');
    return this.active;
  }

  async login(server: ServerTarget, credentials: Credentials): Promise<LoginResult> {
    await this.restore();
    const apiUrl = await this.resolveForLogin(server);
    if (typeof apiUrl !== 'string') return apiUrl;
    const outcome = await requestLogin(apiUrl, credentials, this.options.fetch);
    if (outcome.status !== 'authenticated') return outcome;

    const stored: StoredSession = {
      version: 1,
      server,
      apiUrl,
      accessToken: outcome.tokens.accessToken,
      refreshToken: outcome.tokens.refreshToken,
      user: toSessionUser(outcome.user),
    };
    await this.options.secrets.write(serializeStoredSession(stored));
    await this.options.appState.rememberServer(server, apiUrl);
    this.activate(stored);
    this.notice = null;
    await this.recordDesktopLogin();
    const state = this.snapshot() as LoggedInState;
    this.options.onChange(state);
    return { status: 'logged-in', session: state };
  }

  /** Asks the server to mail a login code to the person (for the second factor). */
  async sendEmailOtp(server: ServerTarget, identifier: string): Promise<null> {
    const apiUrl = await this.resolveForLogin(server);
    if (typeof apiUrl !== 'string') {
      throw new AppError(
        'invalid-input',
        'message' in apiUrl ? apiUrl.message : 'Not a Kitsu server.',
      );
    }
    await requestEmailOtp(apiUrl, identifier, this.options.fetch);
    return null;
  }

  /** Revokes the tokens on the server when it answers, and forgets them here in any case. */
  async logout(): Promise<SessionState> {
    await this.restore();
    const active = this.active;
    if (active) {
      try {
        await active.client.get('/auth/logout');
      } catch {
        // An unreachable server or an already revoked token: forgetting locally is what counts.
      }
    }
    await this.end(null);
    return this.describe();
  }

  /** Reads the stored session once, and checks it with the server when that one answers. */
  private restore(): Promise<void> {
    this.restoring ??= this.doRestore();
    return this.restoring;
  }

  private async doRestore(): Promise<void> {
    const stored = parseStoredSession(await this.options.secrets.read());
    if (!stored) return;
    let apiUrl = stored.apiUrl;
    if (stored.server.kind === 'local') {
      try {
        apiUrl = await this.options.localStudioUrl();
      } catch (error) {
        this.notice = isAppError(error) ? error.message : String(error);
        return;
      }
    }
    const session = this.activate({ ...stored, apiUrl });
    try {
      const answer = await session.client.get<{ user?: unknown }>('/auth/authenticated');
      session.stored.user = toSessionUser(answer.user);
      await this.persist();
    } catch (error) {
      // Offline: keep the stored session, the lists will say the server is unreachable.
      if (isAppError(error) && error.code === 'auth-expired') {
        await this.end('Your session has ended. Log in again.');
      }
    }
    // Restored: what follows the session (live updates) starts as it does after a login.
    if (this.active === session) this.options.onChange(this.snapshot());
  }

  private async resolveForLogin(server: ServerTarget): Promise<string | LoginResult> {
    if (server.kind === 'local') return this.options.localStudioUrl();
    const check = await checkServer(server.url, this.options.fetch);
    if (check.status === 'not-kitsu') {
      return { status: 'rejected', reason: 'not-kitsu', message: check.message };
    }
    return check.apiUrl;
  }

  private activate(stored: StoredSession): ActiveSession {
    const session: ActiveSession = {
      stored,
      client: new KitsuClient({
        apiUrl: stored.apiUrl,
        tokens: { accessToken: stored.accessToken, refreshToken: stored.refreshToken },
        fetch: this.options.fetch,
        onTokensChanged: (tokens) => this.onTokensChanged(session, tokens),
        onAuthLost: () => {
          if (this.active === session) void this.end('Your session has ended. Log in again.');
        },
      }),
    };
    this.active = session;
    return session;
  }

  private async onTokensChanged(session: ActiveSession, tokens: KitsuTokens): Promise<void> {
    session.stored.accessToken = tokens.accessToken;
    session.stored.refreshToken = tokens.refreshToken;
    if (this.active === session) await this.persist();
  }

  private async persist(): Promise<void> {
    if (this.active) await this.options.secrets.write(serializeStoredSession(this.active.stored));
  }

  private async end(notice: string | null): Promise<void> {
    const wasActive = this.active !== null;
    this.active = null;
    this.notice = notice;
    await this.options.secrets.clear();
    if (wasActive) this.options.onChange(await this.describe());
  }

  /** Zou's `POST /data/user/desktop-login-logs` feeds presence logs; servers without it are fine. */
  private async recordDesktopLogin(): Promise<void> {
    try {
      await this.active?.client.post('/data/user/desktop-login-logs');
    } catch (error) {
      if (!isAppError(error) || error.code !== 'not-found') {
        console.warn(`Shotdesk: desktop login not recorded: ${(error as Error).message}`);
      }
    }
  }

  private async describe(): Promise<SessionState> {
    if (this.active) return this.snapshot();
    const lastServer = await this.options.appState.lastServer();
    return { status: 'logged-out', notice: this.notice, lastServer };
  }

  private snapshot(): SessionState {
    if (!this.active) {
      return { status: 'logged-out', notice: this.notice, lastServer: null };
    }
    const { stored } = this.active;
    return {
      status: 'logged-in',
      server: { kind: stored.server.kind, apiUrl: stored.apiUrl },
      user: stored.user satisfies SessionUser,
      tokenStorage: { encrypted: this.options.secrets.encrypted },
    };
  }
}
