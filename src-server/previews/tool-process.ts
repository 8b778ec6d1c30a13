import { spawn } from 'node:child_process';

/** A movie tool that could not do its work; `reason` is what the preview's row will say. */
export class ToolFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface ToolOptions {
  /** How the tool is named in a failure reason, and which setting points at it. */
  label: 'ffmpeg' | 'ffprobe';
  setting: 'ffmpegPath' | 'ffprobePath';
  /** Stops the tool (SIGKILL); the run then rejects with the signal's reason. */
  signal: AbortSignal;
  /** Told the process id once the tool runs. */
  onSpawn?: (tool: 'ffmpeg' | 'ffprobe', pid: number) => void;
  /** Keep and answer the tool's stdout (ffprobe's JSON); otherwise it is discarded. */
  readStdout?: boolean;
}

const STDERR_TAIL_BYTES = 8 * 1024;
const STDERR_TAIL_LINES = 12;
const MAX_STDOUT_BYTES = 16 * 1024 * 1024;

/** The last lines a tool wrote to stderr: where ffmpeg says why it failed. */
class StderrTail {
  private text = '';

  add(chunk: Buffer): void {
    this.text = (this.text + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
  }

  lines(): string {
    return this.text
      .split(/\r?\n|\r/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .slice(-STDERR_TAIL_LINES)
      .join('\n');
  }
}

/**
 * Runs ffmpeg or ffprobe as a child process (the event loop never waits on it) and settles
 * once the process is gone, so that a stopped job leaves no process behind.
 */
export function runTool(command: string, args: string[], options: ToolOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(options.signal.reason);
      return;
    }
    const child = spawn(command, args, {
      stdio: ['ignore', options.readStdout ? 'pipe' : 'ignore', 'pipe'],
      signal: options.signal,
      killSignal: 'SIGKILL',
    });
    const stderr = new StderrTail();
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let spawnError: NodeJS.ErrnoException | null = null;
    child.stderr?.on('data', (chunk: Buffer) => stderr.add(chunk));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes <= MAX_STDOUT_BYTES) stdout.push(chunk);
    });
    child.on('spawn', () => {
      if (child.pid !== undefined) options.onSpawn?.(options.label, child.pid);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError ??= error;
      // A process that never started emits no 'close' of its own.
      if (child.pid === undefined) settle(null);
    });
    child.on('close', (code) => settle(code));

    let settled = false;
    function settle(code: number | null): void {
      if (settled) return;
      settled = true;
      if (options.signal.aborted) {
        reject(options.signal.reason);
      } else if (spawnError?.code === 'ENOENT' || spawnError?.code === 'EACCES') {
        reject(
          new ToolFailure(
            `${options.label} was not found or cannot run ("${command}"): movies cannot be ` +
              `processed until ffmpeg is installed on PATH or the ${options.setting} setting ` +
              'points at it.',
          ),
        );
      } else if (spawnError) {
        reject(new ToolFailure(`${options.label} could not run: ${spawnError.message}`));
      } else if (code !== 0) {
        const tail = stderr.lines();
        reject(
          new ToolFailure(
            `${options.label} failed (exit code ${String(code)})${tail ? `:\n${tail}` : '.'}`,
          ),
        );
      } else if (stdoutBytes > MAX_STDOUT_BYTES) {
        reject(new ToolFailure(`${options.label} wrote more output than expected.`));
      } else {
        resolve(Buffer.concat(stdout).toString('utf8'));
      }
    }
  });
}
