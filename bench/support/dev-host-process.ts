import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface DevHostProcess {
  /** `http://127.0.0.1:PORT/#token=…`, as the dev host printed it. */
  url: string;
  stop(): Promise<void>;
}

const READY = /Shotdesk web UI: (\S+)/;

/** `npm run web` in its own process (main's services, as in the app), serving `rendererDir`. */
export function startDevHostProcess(
  appRoot: string,
  options: { rendererDir: string; userDataDir: string },
): Promise<DevHostProcess> {
  const args = [
    ...['--import', 'tsx', join(appRoot, 'src-main/dev-host/cli.ts'), '--port', '0'],
    ...['--user-data', options.userDataDir, '--renderer', options.rendererDir],
    ...['--downloads', join(options.userDataDir, 'downloads')],
  ];
  const child = spawn(process.execPath, args, { cwd: appRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The dev host did not get ready: ${errors.join('\n')}`));
    }, 90_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = READY.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1]!, stop: () => stop(child) });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The dev host exited with ${code}: ${errors.join('\n')}`));
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
