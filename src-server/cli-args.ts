import { parseArgs } from 'node:util';
import type { ServerSettings } from './context';

export interface CliOptions {
  dataDir: string;
  port: number;
  host: string;
  adminEmail?: string;
  adminPassword?: string;
  demo: boolean;
  demoSize: 'standard' | 'large';
  /** Server settings given on the command line (the others keep their defaults). */
  settings: Partial<ServerSettings>;
}

/** Environment variable naming better-sqlite3's addon to load (an Electron-ABI build). */
export const SQLITE_BINDING_ENV = 'SHOTDESK_SQLITE_BINDING';

export const USAGE = `Usage: npm run server -- --data-dir DIR [--port N] [--host H]
       [--admin-email E --admin-password P] [--demo] [--demo-size standard|large]
       [--max-preview-bytes N] [--ffmpeg PATH] [--ffprobe PATH] [--movie-job-timeout SECONDS]`;

/** Parses the server's command line; throws an Error with a one-line reason. */
export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5000' },
      host: { type: 'string', default: '127.0.0.1' },
      'admin-email': { type: 'string' },
      'admin-password': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-size': { type: 'string', default: 'standard' },
      'max-preview-bytes': { type: 'string' },
      ffmpeg: { type: 'string' },
      ffprobe: { type: 'string' },
      'movie-job-timeout': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(USAGE);
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('--data-dir is required');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer between 0 and 65535, got "${values.port}"`);
  }
  const demoSize = values['demo-size'];
  if (demoSize !== 'standard' && demoSize !== 'large') {
    throw new Error(`--demo-size must be standard or large, got "${demoSize}"`);
  }
  if (!!values['admin-email'] !== !!values['admin-password']) {
    throw new Error('--admin-email and --admin-password go together');
  }
  return {
    dataDir,
    port,
    host: values.host ?? '127.0.0.1',
    adminEmail: values['admin-email'],
    adminPassword: values['admin-password'],
    demo: values.demo ?? false,
    demoSize,
    settings: {
      ...positiveSetting('maxPreviewBytes', '--max-preview-bytes', values['max-preview-bytes']),
      ...positiveSetting(
        'movieJobTimeoutSeconds',
        '--movie-job-timeout',
        values['movie-job-timeout'],
      ),
      ...(values.ffmpeg ? { ffmpegPath: values.ffmpeg } : {}),
      ...(values.ffprobe ? { ffprobePath: values.ffprobe } : {}),
    },
  };
}

function positiveSetting(
  setting: 'maxPreviewBytes' | 'movieJobTimeoutSeconds',
  flag: string,
  text: string | undefined,
): Partial<ServerSettings> {
  if (text === undefined) return {};
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${flag} must be a positive integer, got "${text}"`);
  }
  return { [setting]: value };
}
