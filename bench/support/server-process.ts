import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface ServerProcess {
  /** `http://127.0.0.1:PORT/api` */
  apiUrl: string;
  stop(): Promise<void>;
}

/**
 * src-server on an existing data dir, in a child process: its own work (building a 5,000-row
 * answer) must not count in this process's event-loop delay.
 */
export function startServerProcess(dataDir: string): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(APP_ROOT, 'src-server/cli.ts'), '--data-dir', dataDir, '--port', '0'],
    { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  return new Promise((resolvePromise, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /Kitsu API listening on (\S+)/.exec(line);
      if (match) resolvePromise({ apiUrl: match[1]!, stop: () => stop(child) });
    });
    child.once('exit', (code) =>
      reject(new Error(`src-server exited with ${code}: ${errors.join('\n')}`)),
    );
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  child.kill('SIGTERM');
  await exited;
}
