import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { StudioStatus } from '../../src-shared/session';
import { AppError } from '../kitsu/app-error';
import type { ServerCommand } from './server-command';

const LISTENING = /Kitsu API listening on (http:\/\/\S+\/api)/;

export interface LocalStudioOptions {
  /** The studio's data dir, in the app's user-data folder. */
  dataDir: string;
  command: ServerCommand;
  onStatus?: (status: StudioStatus) => void;
  startTimeoutMs?: number;
}

/**
 * The embedded Kitsu server as a child process, so that its work never blocks main: on a
 * free loopback port (the server picks it with `--port 0` and prints it), filled with the
 * demo production the first time, stopped with the app.
 */
export class LocalStudio {
  private child: ChildProcess | null = null;
  private starting: Promise<string> | null = null;
  private current: StudioStatus = { status: 'stopped' };

  constructor(private readonly options: LocalStudioOptions) {}

  get status(): StudioStatus {
    return this.current;
  }

  /** The running studio's API URL, starting it when needed. */
  start(): Promise<string> {
    if (this.current.status === 'running') return Promise.resolve(this.current.apiUrl);
    this.starting ??= this.launch().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    this.setStatus({ status: 'stopped' });
  }

  private launch(): Promise<string> {
    const { dataDir, command } = this.options;
    const firstUse = !existsSync(join(dataDir, 'kitsu.db'));
    const args = [
      ...command.args,
      '--data-dir',
      dataDir,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      ...(firstUse ? ['--demo'] : []),
    ];
    this.setStatus({ status: 'starting' });
    const child = spawn(command.executable, args, {
      cwd: command.cwd,
      env: { ...process.env, ...command.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const errorLines: string[] = [];

    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const fail = (message: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (this.child === child) this.child = null;
        if (child.exitCode === null) child.kill('SIGKILL');
        this.setStatus({ status: 'failed', message });
        reject(new AppError('server-error', message));
      };
      const timer = setTimeout(
        () =>
          fail(
            'The local studio did not start in time. Try again; if it keeps failing, restart Shotdesk.',
          ),
        this.options.startTimeoutMs ?? 120_000,
      );

      createInterface({ input: child.stderr! }).on('line', (line) => {
        errorLines.push(line);
        if (errorLines.length > 20) errorLines.shift();
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = LISTENING.exec(line);
        if (!match || settled) return;
        settled = true;
        clearTimeout(timer);
        const apiUrl = match[1]!;
        this.setStatus({ status: 'running', apiUrl });
        resolve(apiUrl);
      });
      child.once('error', (error) => fail(`The local studio could not start: ${error.message}.`));
      child.once('exit', (code, signal) => {
        if (!settled) {
          const reason = errorLines.at(-1) ?? `exit ${code ?? signal}`;
          fail(`The local studio stopped while starting: ${reason}.`);
          return;
        }
        if (this.child === child) {
          this.child = null;
          const reason = errorLines.at(-1);
          this.setStatus({
            status: 'failed',
            message: `The local studio stopped${reason ? `: ${reason}` : ''}. Open it again from the welcome screen.`,
          });
        }
      });
    });
  }

  private setStatus(status: StudioStatus): void {
    this.current = status;
    this.options.onStatus?.(status);
  }
}
