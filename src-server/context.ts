import type { Db } from './db/database';
import type { EventBus } from './events/event-bus';

export interface ServerSettings {
  /** Largest JSON/form body accepted, in bytes. */
  bodyLimit: number;
  /** bcrypt cost for new password hashes (Zou's default is 12). */
  bcryptRounds: number;
  maxLoginFailures: number;
  loginLockoutSeconds: number;
  minPasswordLength: number;
  /** Largest comment attachment accepted, in bytes (checked while streaming). */
  maxAttachmentBytes: number;
  /** Largest preview upload accepted, in bytes (checked while streaming). */
  maxPreviewBytes: number;
  /** The ffmpeg executable: a name looked up on PATH, or a path. */
  ffmpegPath: string;
  /** The ffprobe executable: a name looked up on PATH, or a path. */
  ffprobePath: string;
  /** A movie's processing is stopped (and the preview marked broken) past this many seconds. */
  movieJobTimeoutSeconds: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  bodyLimit: 2 * 1024 * 1024,
  bcryptRounds: 12,
  maxLoginFailures: 5,
  loginLockoutSeconds: 60,
  minPasswordLength: 8,
  maxAttachmentBytes: 50 * 1024 * 1024,
  maxPreviewBytes: 2 * 1024 * 1024 * 1024,
  ffmpegPath: 'ffmpeg',
  ffprobePath: 'ffprobe',
  movieJobTimeoutSeconds: 3600,
};

/** What every route module receives: the database and the server-wide services. */
export interface ServerContext {
  db: Db;
  dataDir: string;
  jwtSecret: Buffer;
  events: EventBus;
  settings: ServerSettings;
  version: string;
}
