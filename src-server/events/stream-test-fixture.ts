import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { API_PREFIX, createServer, type KitsuServer } from '../app';
import { signToken } from '../auth/jwt';
import type { ServerContext } from '../context';
import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import type { EventStream } from './socket-server';

/** A listening server with the event stream attached, for the events tests. */
export interface StreamFixture {
  server: KitsuServer;
  context: ServerContext;
  db: Db;
  stream: EventStream;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `http://127.0.0.1:PORT/api` */
  baseUrl: string;
  close(): Promise<void>;
}

export async function startStreamServer(): Promise<StreamFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shotdesk-events-'));
  const server = await createServer({ dataDir });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const stream = server.eventStream;
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    server,
    context: server.context,
    db: server.context.db,
    stream,
    origin,
    baseUrl: `${origin}${API_PREFIX}`,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function addPerson(db: Db, role: string, options: { active?: boolean } = {}): string {
  const id = newId();
  const now = nowDateTime();
  db.prepare(
    `INSERT INTO person (id, created_at, updated_at, first_name, last_name, email, role, active)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    now,
    now,
    role,
    id.slice(0, 8),
    `${id}@example.com`,
    role,
    options.active === false ? 0 : 1,
  );
  return id;
}

/** A project whose team holds the given persons (with an optional per-project role). */
export function addProject(db: Db, team: (string | [string, string])[]): string {
  const id = newId();
  const now = nowDateTime();
  const status = db.prepare("SELECT id FROM project_status WHERE name = 'Open'").get() as {
    id: string;
  };
  db.prepare(
    'INSERT INTO project (id, created_at, updated_at, name, project_status_id) VALUES (?, ?, ?, ?, ?)',
  ).run(id, now, now, `Project ${id}`, status.id);
  const link = db.prepare(
    'INSERT INTO project_person_link (project_id, person_id, role) VALUES (?, ?, ?)',
  );
  for (const member of team) {
    const [personId, role] = typeof member === 'string' ? [member, null] : member;
    link.run(id, personId, role);
  }
  return id;
}

export function addPlaylist(db: Db, projectId: string): string {
  const id = newId();
  const now = nowDateTime();
  db.prepare(
    'INSERT INTO playlist (id, created_at, updated_at, name, project_id) VALUES (?, ?, ?, ?, ?)',
  ).run(id, now, now, `Playlist ${id}`, projectId);
  return id;
}

export function accessToken(
  context: ServerContext,
  personId: string,
  options: { type?: 'access' | 'refresh'; now?: number; ttlSeconds?: number } = {},
): string {
  return signToken(context.jwtSecret, {
    sub: personId,
    type: options.type ?? 'access',
    identityType: 'person',
    ttlSeconds: options.ttlSeconds ?? 3600,
    ...(options.now === undefined ? {} : { now: options.now }),
  }).token;
}

export type ClientOptions = Partial<ManagerOptions & SocketOptions>;

/** A socket.io client of `/events`, as gazu opens it; no automatic reconnection. */
export function eventsClient(origin: string, options: ClientOptions = {}): Socket {
  return io(`${origin}/events`, {
    path: '/socket.io',
    reconnection: false,
    forceNew: true,
    ...options,
  });
}

export function bearer(token: string): ClientOptions {
  return { extraHeaders: { Authorization: `Bearer ${token}` } };
}

/** Resolves once connected, rejects with the connect_error. */
export function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Resolves with the connect_error a refused client gets. */
export function refused(socket: Socket): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected')));
    socket.once('connect_error', resolve);
  });
}

/** The next `name` event's arguments. */
export function nextEvent(socket: Socket, name: string): Promise<unknown[]> {
  return new Promise((resolve) => socket.once(name, (...args: unknown[]) => resolve(args)));
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
