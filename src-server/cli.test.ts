import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './seed/demo';
import { osUserName } from './seed/bootstrap';

const root = mkdtempSync(join(tmpdir(), 'shotdesk-cli-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): {
  child: ChildProcess;
  output: () => Outcome;
  ready: Promise<string>;
  exited: Promise<Outcome>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/cli.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  const output = () => ({ code: child.exitCode, stdout, stderr });
  const exited = new Promise<Outcome>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Kitsu API listening on (http:\/\/\S+\/api)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    void exited.then((outcome) => reject(new Error(`exited ${outcome.code}: ${outcome.stderr}`)));
  });
  ready.catch(() => undefined);
  return { child, output, ready, exited };
}

async function login(apiUrl: string, email: string, password: string): Promise<Response> {
  return fetch(`${apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('server CLI', () => {
  it('serves the API, creates the admin, and refuses a taken port with one line', async () => {
    const dataDir = join(root, 'admin');
    const first = startCli([
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--admin-email',
      'boss@example.com',
      '--admin-password',
      'correct-horse-9',
    ]);
    const apiUrl = await first.ready;
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const index = await fetch(apiUrl);
    expect(await index.json()).toMatchObject({ api: 'Zou' });
    const loggedIn = await login(apiUrl, 'boss@example.com', 'correct-horse-9');
    expect(loggedIn.status).toBe(200);
    expect(((await loggedIn.json()) as any).user.role).toBe('admin');

    const port = new URL(apiUrl).port;
    const second = startCli(['--data-dir', join(root, 'other'), '--port', port]);
    const outcome = await second.exited;
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim().split('\n')).toEqual([
      `shotdesk-server: port ${port} on 127.0.0.1 is already in use`,
    ]);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
  });

  it('exits non-zero with one line when the data dir is unusable', async () => {
    const file = join(root, 'not-a-dir');
    writeFileSync(file, 'x');
    const outcome = await startCli(['--data-dir', file, '--port', '0']).exited;
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toContain(`cannot use data dir ${file}`);
  });

  it('loads the SQLite addon named by SHOTDESK_SQLITE_BINDING, and says so when it is missing', async () => {
    // A copy elsewhere, as the desktop app passes an Electron-ABI build kept outside node_modules.
    const addon = join(root, 'native', 'better_sqlite3.node');
    mkdirSync(dirname(addon), { recursive: true });
    copyFileSync(
      join(process.cwd(), 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
      addon,
    );
    const served = startCli(['--data-dir', join(root, 'bound'), '--port', '0'], {
      SHOTDESK_SQLITE_BINDING: addon,
    });
    const apiUrl = await served.ready;
    expect((await fetch(apiUrl)).status).toBe(200);
    served.child.kill('SIGTERM');
    await served.exited;

    // Proves the variable is honoured: a file that is not an addon stops the server.
    const bogus = join(root, 'native', 'bogus.node');
    writeFileSync(bogus, 'not a shared library');
    const refused = await startCli(['--data-dir', join(root, 'bogus'), '--port', '0'], {
      SHOTDESK_SQLITE_BINDING: bogus,
    }).exited;
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(bogus);

    const missing = join(root, 'native', 'nope.node');
    const outcome = await startCli(['--data-dir', join(root, 'unbound'), '--port', '0'], {
      SHOTDESK_SQLITE_BINDING: missing,
    }).exited;
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim()).toBe(
      `shotdesk-server: SHOTDESK_SQLITE_BINDING names ${missing}, which does not exist`,
    );
  });

  it('refuses bad arguments with one line', async () => {
    const outcome = await startCli(['--data-dir', join(root, 'x'), '--port', 'abc']).exited;
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim()).toBe(
      'shotdesk-server: --port must be an integer between 0 and 65535, got "abc"',
    );
  });

  it('fills an empty data dir with the demo production; the OS user logs in by desktop ID', async () => {
    const cli = startCli(['--data-dir', join(root, 'demo'), '--port', '0', '--demo']);
    const apiUrl = await cli.ready;
    const response = await login(apiUrl, osUserName(), DEMO_PASSWORD);
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(body.user.desktop_login).toBe(osUserName());
    cli.child.kill('SIGTERM');
    await cli.exited;
  }, 60_000);
});
