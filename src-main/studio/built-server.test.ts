import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { LocalStudio } from './local-studio';
import { builtServerCommand } from './server-command';

const appRoot = process.cwd();
const serverScript = join(appRoot, 'out', 'main', 'server.js');
const root = mkdtempSync(join(tmpdir(), 'shotdesk-built-server-'));

// What Electron runs: electron-vite's bundle of src-server beside main, started the way main
// starts it (ELECTRON_RUN_AS_NODE, an addon named by SHOTDESK_SQLITE_BINDING); here the
// runtime is Node instead of Electron's Node, which has the same command line.
describe('the built server, started as the Electron app starts it', () => {
  let studio: LocalStudio | null = null;

  beforeAll(() => {
    const build = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: appRoot,
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`);
  }, 300_000);

  afterAll(async () => {
    await studio?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the demo production from the bundle, with the addon it is given', async () => {
    expect(existsSync(serverScript)).toBe(true);
    const addon = join(root, 'native', 'better_sqlite3.node');
    mkdirSync(join(root, 'native'));
    copyFileSync(
      join(appRoot, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
      addon,
    );
    studio = new LocalStudio({
      dataDir: join(root, 'studio'),
      command: builtServerCommand({
        runtime: process.execPath,
        serverScript,
        cwd: root,
        sqliteBinding: addon,
      }),
    });
    const apiUrl = await studio.start();
    expect(await (await fetch(apiUrl)).json()).toMatchObject({ api: 'Zou' });
    const login = await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'jordan.reyes@example.com', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ login: true });
  }, 120_000);
});
