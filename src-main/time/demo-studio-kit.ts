import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelName, EventPayload } from '../../src-shared/ipc';
import type { LoginResult } from '../../src-shared/session';
import { createAppServices, type AppServices } from '../app-services';
import { MemorySecretStore } from '../session/memory-secret-store';
import { sourceServerCommand } from '../studio/server-command';

const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function newServices(): { services: AppServices; remove(): void } {
  const userDataDir = mkdtempSync(join(tmpdir(), 'shotdesk-time-'));
  const services = createAppServices({
    userDataDir,
    secrets: new MemorySecretStore(),
    serverCommand: sourceServerCommand(APP_ROOT, process.execPath),
    appInfo: { osUserName: 'shotdesk-test', platform: process.platform, version: 'test' },
  });
  return { services, remove: () => rmSync(userDataDir, { recursive: true, force: true }) };
}

/**
 * A local studio (the real src-server in a child process, with the demo production), for
 * main's service tests; every person logs in to it as a remote server.
 */
export async function openDemoStudio(): Promise<{ apiUrl: string; close(): Promise<void> }> {
  const host = newServices();
  const opened = await host.services.dispatch('studio:open-local', {});
  if (!opened.ok) throw new Error(`local studio: ${JSON.stringify(opened.error)}`);
  return {
    apiUrl: (opened.value as { apiUrl: string }).apiUrl,
    async close() {
      await host.services.shutdown();
      host.remove();
    },
  };
}

export interface LoggedInApp {
  personId: string;
  cacheChanges: EventPayload<'cache:changed'>[];
  /** The value of a call through main's dispatcher; a failed call throws. */
  value<T>(channel: ChannelName, input: unknown): Promise<T>;
  /** The error of a call expected to fail. */
  failure(channel: ChannelName, input: unknown): Promise<{ code: string; message: string }>;
  close(): Promise<void>;
}

/** Main's services logged in as a demo person, called through the dispatcher as IPC is. */
export async function logInAs(
  apiUrl: string,
  email: string,
  password: string,
): Promise<LoggedInApp> {
  const { services, remove } = newServices();
  const cacheChanges: EventPayload<'cache:changed'>[] = [];
  services.events.subscribe((event, payload) => {
    if (event === 'cache:changed') cacheChanges.push(payload as EventPayload<'cache:changed'>);
  });
  const login = await services.dispatch('session:login', {
    server: { kind: 'remote', url: apiUrl },
    identifier: email,
    password,
  });
  const result = login.ok ? (login.value as LoginResult) : null;
  if (result?.status !== 'logged-in')
    throw new Error(`login as ${email}: ${JSON.stringify(login)}`);
  return {
    personId: result.session.user.id,
    cacheChanges,
    async value<T>(channel: ChannelName, input: unknown) {
      const answer = await services.dispatch(channel, input);
      if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    },
    async failure(channel: ChannelName, input: unknown) {
      const answer = await services.dispatch(channel, input);
      if (answer.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(answer.value)}`);
      return answer.error;
    },
    async close() {
      await services.shutdown();
      remove();
    },
  };
}

export interface RawAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON body off the wire
  body: any;
}

/** Plain HTTP to the server as a person: what the server holds, seen past main. */
export async function rawApi(apiUrl: string, email: string, password: string) {
  const send = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null } as RawAnswer;
  };
  const login = await send('POST', '/auth/login', { email, password });
  const token = String(login.body.access_token);
  return {
    personId: String(login.body.user.id),
    get: (path: string) => send('GET', path, undefined, token),
    post: (path: string, body: unknown) => send('POST', path, body, token),
  };
}
