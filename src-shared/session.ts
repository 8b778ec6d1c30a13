import type { MediaAddress } from './media';
/** Session and server shapes shared by main and the renderer. Tokens never appear here. */

/** Where to log in: the app's own local studio, or a Kitsu server by URL. */
export type ServerTarget = { kind: 'local' } | { kind: 'remote'; url: string };

export interface ConnectedServer {
  kind: 'local' | 'remote';
  /** `http(s)://host[:port]/api` */
  apiUrl: string;
}

export interface SessionUser {
  id: string;
  fullName: string;
  email: string | null;
  desktopLogin: string | null;
  role: string;
}

export interface TokenStorage {
  /** false: the tokens sit in an owner-only file in clear, and the UI says so. */
  encrypted: boolean;
}

export type SessionState =
  | {
      status: 'logged-out';
      /** Why the last session ended, when it did not end by a logout. */
      notice: string | null;
      lastServer: ServerTarget | null;
    }
  | {
      status: 'logged-in';
      server: ConnectedServer;
      user: SessionUser;
      tokenStorage: TokenStorage;
    };

export type LoggedInState = Extract<SessionState, { status: 'logged-in' }>;

export type LoginRejection =
  | 'wrong-credentials'
  | 'locked-out'
  | 'inactive'
  | 'wrong-otp'
  | 'default-password'
  | 'two-factor-setup-required'
  | 'not-kitsu';

export type LoginResult =
  | { status: 'logged-in'; session: LoggedInState }
  | {
      status: 'otp-required';
      /** Kitsu's `two_factor_authentication_enabled`: `totp`, `email_otp`, `fido`, `recovery_code`. */
      methods: string[];
      preferred: string | null;
      message: string;
    }
  | { status: 'rejected'; reason: LoginRejection; message: string };

export type ServerCheck =
  | { status: 'kitsu'; apiUrl: string; version: string | null }
  | { status: 'not-kitsu'; apiUrl: string; message: string };

export interface RecentServer {
  apiUrl: string;
  /** ISO 8601 */
  lastUsedAt: string;
}

export type StudioStatus =
  | { status: 'stopped' }
  | { status: 'starting' }
  | { status: 'running'; apiUrl: string }
  | { status: 'failed'; message: string };

export interface AppInfo {
  /** The OS user name: the desktop ID that prefills the login form. */
  osUserName: string;
  platform: string;
  version: string;
  tokenStorage: TokenStorage;
  /** Where previews are served to this renderer; null while main does not know it yet. */
  media: MediaAddress | null;
}
