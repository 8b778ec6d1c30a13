import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { APP_ROOT, e2eRendererDir } from './paths';

export interface Running {
  /** The URL the process printed when it was ready. */
  url: string;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry of the repo under Node and waits for the line that says it is ready. */
function startTs(entry: string, args: string[], ready: RegExp): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(APP_ROOT, entry), ...args], {
    cwd: APP_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not get ready: ${errors.join('\n')}`));
    }, 90_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = ready.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1]!, stop: () => stop(child) });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}: ${errors.join('\n')}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A real src-server with the demo production, on a free port unless `port` names one (to start
 * it again where it was, on the same data dir).
 */
export function startKitsuServer(
  dataDir: string,
  options: { port?: number } = {},
): Promise<Running> {
  return startTs(
    'src-server/cli.ts',
    ['--data-dir', dataDir, '--port', String(options.port ?? 0), '--demo'],
    /Kitsu API listening on (\S+)/,
  );
}

/** The dev host (main's services, as in the app) serving the e2e build of the renderer. */
export function startDevHost(
  userDataDir: string,
  options: { serverUrl?: string; rendererDir?: string } = {},
): Promise<Running> {
  const { serverUrl, rendererDir = e2eRendererDir() } = options;
  return startTs(
    'src-main/dev-host/cli.ts',
    [
      '--port',
      '0',
      '--user-data',
      userDataDir,
      '--renderer',
      rendererDir,
      // Downloads stay in the test's folder, never the tester's own.
      '--downloads',
      join(userDataDir, 'downloads'),
      ...(serverUrl ? ['--server-url', serverUrl] : []),
    ],
    /Shotdesk web UI: (\S+)/,
  );
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
