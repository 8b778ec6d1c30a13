import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface DevHostArgs {
  port: number;
  userDataDir: string;
  /** A Kitsu server to preselect, as if it had been used last. */
  serverUrl: string | null;
  /** A built renderer folder to serve; null runs Vite's dev server. */
  rendererDir: string | null;
  /** Where attachments are saved; null keeps the app's default (~/Downloads). */
  downloadsDir: string | null;
}

export const DEV_HOST_USAGE =
  'Usage: npm run web -- [--port N] [--user-data DIR] [--server-url URL] [--renderer BUILT_DIR]' +
  ' [--downloads DIR]';

export function parseDevHostArgs(argv: string[]): DevHostArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string', default: '5174' },
      'user-data': { type: 'string' },
      'server-url': { type: 'string' },
      renderer: { type: 'string' },
      downloads: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(DEV_HOST_USAGE);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer between 0 and 65535, got "${values.port}"`);
  }
  return {
    port,
    userDataDir: resolve(values['user-data'] ?? join(homedir(), '.config', 'shotdesk-web')),
    serverUrl: values['server-url'] ?? null,
    rendererDir: values.renderer ? resolve(values.renderer) : null,
    downloadsDir: values.downloads ? resolve(values.downloads) : null,
  };
}
