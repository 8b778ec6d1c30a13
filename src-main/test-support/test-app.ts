import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelName, EventName, EventPayload, IpcError } from '../../src-shared/ipc';
import type { LoginResult, ServerTarget } from '../../src-shared/session';
import { DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { createAppServices, type AppServices } from '../app-services';
import { osUserName } from '../os-user';
import { FileSecretStore } from '../session/file-secret-store';
import { sourceServerCommand } from '../studio/server-command';

const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface TestApp {
  /** The services of the current launch (`relaunch` replaces them). */
  services: AppServices;
  userDataDir: string;
  /** Where attachments are saved: inside the user data, never the tester's own Downloads. */
  downloadsDir: string;
  /** Every event main pushed, in order, across launches. */
  pushes: { event: EventName; payload: unknown }[];
  /** The `cache:changed` pushes alone, in order. */
  cacheChanges: EventPayload<'cache:changed'>[];
  pushesOf<E extends EventName>(event: E): EventPayload<E>[];
  /** The value of a call through main's dispatcher, as IPC calls it; a failed call throws. */
  value<T>(channel: ChannelName, input: unknown): Promise<T>;
  /** The error of a call expected to fail; a call that succeeds throws. */
  failure(channel: ChannelName, input: unknown): Promise<IpcError>;
  /** The next start of the app on the same user data; shut the current services down first. */
  relaunch(): void;
  /** Shuts the services down and removes the user data. */
  close(): Promise<void>;
}

/**
 * Main's services as the app wires them, on a temp user-data folder (session in a file there,
 * so that a relaunch restores it), for tests.
 */
export function startTestApp(): TestApp {
  const userDataDir = mkdtempSync(join(tmpdir(), 'shotdesk-main-'));
  const downloadsDir = join(userDataDir, 'Downloads');
  const pushes: TestApp['pushes'] = [];
  const cacheChanges: TestApp['cacheChanges'] = [];
  const launch = () => {
    const services = createAppServices({
      userDataDir,
      secrets: new FileSecretStore(join(userDataDir, 'session.json')),
      serverCommand: sourceServerCommand(APP_ROOT, process.execPath),
      appInfo: { osUserName: osUserName(), platform: process.platform, version: 'test' },
      downloadsDir,
    });
    services.events.subscribe((event, payload) => {
      pushes.push({ event, payload });
      if (event === 'cache:changed') cacheChanges.push(payload as EventPayload<'cache:changed'>);
    });
    return services;
  };
  const app: TestApp = {
    services: launch(),
    userDataDir,
    downloadsDir,
    pushes,
    cacheChanges,
    pushesOf: (event) =>
      pushes.filter((push) => push.event === event).map((push) => push.payload as never),
    async value<T>(channel: ChannelName, input: unknown) {
      const answer = await app.services.dispatch(channel, input);
      if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    },
    async failure(channel, input) {
      const answer = await app.services.dispatch(channel, input);
      if (answer.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(answer.value)}`);
      return answer.error;
    },
    relaunch() {
      app.services = launch();
    },
    async close() {
      await app.services.shutdown();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return app;
}

export interface LoggedInApp extends TestApp {
  personId: string;
}

export interface LocalStudioApp extends LoggedInApp {
  /** The local studio's API, for acting on it as another person. */
  apiUrl: string;
}

async function logIn(
  app: TestApp,
  server: ServerTarget,
  identifier: string,
  password: string,
): Promise<LoggedInApp> {
  const login = await app.value<LoginResult>('session:login', { server, identifier, password });
  if (login.status !== 'logged-in') {
    throw new Error(`login as ${identifier}: ${JSON.stringify(login)}`);
  }
  return Object.assign(app, { personId: login.session.user.id });
}

/**
 * The app with its local studio open (the real src-server in a child process, with the demo
 * production) and the demo artist logged in to it by desktop ID, as a person does at first.
 */
export async function logInToLocalStudio(): Promise<LocalStudioApp> {
  const app = startTestApp();
  const { apiUrl } = await app.value<{ apiUrl: string }>('studio:open-local', {});
  return Object.assign(await logIn(app, { kind: 'local' }, osUserName(), DEMO_PASSWORD), {
    apiUrl,
  });
}

/**
 * A local studio for main's service tests in which several people log in, each with their own
 * app (`logInAs`), to it as a remote server.
 */
export async function openDemoStudio(): Promise<{ apiUrl: string; close(): Promise<void> }> {
  const host = startTestApp();
  const { apiUrl } = await host.value<{ apiUrl: string }>('studio:open-local', {});
  return { apiUrl, close: host.close };
}

/** An app of its own logged in as a demo person to a studio's API. */
export function logInAs(apiUrl: string, email: string, password: string): Promise<LoggedInApp> {
  return logIn(startTestApp(), { kind: 'remote', url: apiUrl }, email, password);
}
