import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChannelName, IpcResult } from '../../../src-shared/ipc';

const SCRIPT = fileURLToPath(new URL('./app-process.ts', import.meta.url));

/** The parent's side of `app-process.ts`: calls through its dispatcher, and its death. */
export interface AppProcess {
  child: ChildProcess;
  value<T>(channel: ChannelName, input: unknown): Promise<T>;
  /** Resolves once the process has exited (killed or not). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export function startAppProcess(userDataDir: string): Promise<AppProcess> {
  const child = fork(SCRIPT, [userDataDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting = new Map<number, (result: IpcResult<unknown>) => void>();
  let next = 1;
  child.on('message', (message: { id?: number; result?: IpcResult<unknown> }) => {
    if (message.id !== undefined && message.result) waiting.get(message.id)?.(message.result);
  });
  const handle: AppProcess = {
    child,
    exited,
    value<T>(channel: ChannelName, input: unknown) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, (result) => {
          waiting.delete(id);
          if (result.ok) resolve(result.value as T);
          else reject(new Error(`${channel}: ${result.error.code}: ${result.error.message}`));
        });
        void exited.then(() =>
          reject(new Error(`The app process died before answering ${channel}`)),
        );
        child.send({ id, channel, input });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(handle));
    child.once('exit', (code) => reject(new Error(`The app process exited early (${code})`)));
  });
}
