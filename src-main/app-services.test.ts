import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src-server/seed/demo-accounts';
import { createAppServices, type AppServices } from './app-services';
import { osUserName } from './os-user';
import { FileSecretStore } from './session/file-secret-store';
import { sourceServerCommand } from './studio/server-command';

const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

let userDataDir: string;
let services: AppServices;

function start(): AppServices {
  return createAppServices({
    userDataDir,
    secrets: new FileSecretStore(join(userDataDir, 'session.json')),
    serverCommand: sourceServerCommand(APP_ROOT, process.execPath),
    appInfo: { osUserName: osUserName(), platform: process.platform, version: 'test' },
  });
}

beforeAll(() => {
  userDataDir = mkdtempSync(join(tmpdir(), 'shotdesk-app-'));
  services = start();
});
afterAll(async () => {
  await services.shutdown();
  rmSync(userDataDir, { recursive: true, force: true });
});

describe('the app services with the local studio', () => {
  it('starts the local studio, logs in by desktop ID and lists the demo artist’s tasks', async () => {
    const studio = await services.dispatch('studio:open-local', {});
    expect(studio).toMatchObject({
      ok: true,
      value: { apiUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api$/) },
    });
    const login = await services.dispatch('session:login', {
      server: { kind: 'local' },
      identifier: osUserName(),
      password: DEMO_PASSWORD,
    });
    expect(login).toMatchObject({
      ok: true,
      value: { status: 'logged-in', session: { user: { fullName: 'Jordan Reyes' } } },
    });
    expect(statSync(join(userDataDir, 'session.json')).mode & 0o777).toBe(0o600);

    const todo = await services.dispatch('tasks:list-todo', {});
    if (!todo.ok) throw new Error(todo.error.message);
    const tasks = todo.value as { projectName: string; taskStatusColor: string }[];
    expect(tasks.length).toBeGreaterThan(5);
    expect(tasks[0]).toMatchObject({
      projectName: expect.any(String),
      taskStatusColor: expect.stringMatching(/^#/),
    });
    const done = await services.dispatch('tasks:list-done', {});
    expect(done.ok).toBe(true);
  });

  it('persists the todo view settings', async () => {
    const saved = await services.dispatch('settings:set', {
      todoView: {
        tab: 'done',
        projectIds: ['p1'],
        taskTypeIds: [],
        statusIds: [],
        sort: { column: 'project', direction: 'desc' },
      },
    });
    expect(saved).toMatchObject({ ok: true, value: { todoView: { tab: 'done' } } });
    const again = await start().dispatch('settings:get', {});
    expect(again).toMatchObject({ ok: true, value: { todoView: { projectIds: ['p1'] } } });
  });

  it('keeps the previews cache size and the production folders, refusing a relative folder', async () => {
    const mountPoints = [{ tree: '/prod', local: join(tmpdir(), 'shotdesk-prod') }];
    const saved = await services.dispatch('settings:set', { mediaCacheMb: 1024, mountPoints });
    expect(saved).toMatchObject({ ok: true, value: { mediaCacheMb: 1024, mountPoints } });
    const relative = await services.dispatch('settings:set', {
      mountPoints: [{ tree: '/prod', local: 'prod' }],
    });
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const tooSmall = await services.dispatch('settings:set', { mediaCacheMb: 10 });
    expect(tooSmall).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const again = await start().dispatch('settings:get', {});
    expect(again).toMatchObject({ ok: true, value: { mediaCacheMb: 1024, mountPoints } });
  });

  it('logs back in at the next start, on a restarted studio', async () => {
    await services.shutdown();
    services = start();
    const state = await services.dispatch('session:state', {});
    expect(state).toMatchObject({
      ok: true,
      value: { status: 'logged-in', server: { kind: 'local' }, tokenStorage: { encrypted: false } },
    });
    expect((await services.dispatch('tasks:list-todo', {})).ok).toBe(true);
  });
});
