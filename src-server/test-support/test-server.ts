import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, API_PREFIX, type KitsuServer } from '../app';
import { signToken } from '../auth/jwt';
import { hashPassword } from '../auth/passwords';
import type { PersonRow } from '../auth/person-row';
import type { ServerContext, ServerSettings } from '../context';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';

/** A listening server on a random port over a temp data dir (removed on close). */
export interface TestServer {
  /** `http://127.0.0.1:PORT/api` */
  baseUrl: string;
  context: ServerContext;
  server: KitsuServer;
  close(): Promise<void>;
}

/** bcrypt at 4 rounds unless told otherwise: tests hash many passwords. */
export async function startTestServer(settings: Partial<ServerSettings> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shotdesk-test-'));
  const server = await createServer({ dataDir, settings: { bcryptRounds: 4, ...settings } });
  return {
    baseUrl: await listenOnFreePort(server),
    context: server.context,
    server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Listens on a free loopback port; answers the API's URL there. */
export async function listenOnFreePort(server: KitsuServer): Promise<string> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('The server has no port');
  return `http://127.0.0.1:${address.port}${API_PREFIX}`;
}

export interface NewPerson {
  email?: string | null;
  first_name?: string;
  last_name?: string;
  desktop_login?: string | null;
  role?: string;
  /** Plain text; hashed with bcrypt at 4 rounds. */
  password?: string | null;
  active?: boolean;
  is_bot?: boolean;
  /** Any other person column, stored as given (booleans as 0/1, objects as JSON). */
  [column: string]: unknown;
}

let personCounter = 0;

/** Inserts a person row directly (no API, no events) and returns it as stored. */
export async function createPerson(
  context: ServerContext,
  fields: NewPerson = {},
): Promise<PersonRow> {
  personCounter += 1;
  const { password, ...rest } = fields;
  const email = fields.email === undefined ? `person${personCounter}@example.com` : fields.email;
  const now = nowDateTime();
  const row: Record<string, unknown> = {
    id: newId(),
    created_at: now,
    updated_at: now,
    first_name: `Person${personCounter}`,
    last_name: 'Tester',
    role: 'user',
    ...rest,
    email,
    password: password ? await hashPassword(password, 4) : null,
  };
  const columns = Object.keys(row);
  const values = columns.map((column) => toStored(row[column]));
  context.db
    .prepare(
      `INSERT INTO person (${columns.map((column) => `"${column}"`).join(', ')})
       VALUES (${columns.map(() => '?').join(', ')})`,
    )
    .run(...values);
  return context.db.prepare('SELECT * FROM person WHERE id = ?').get(row.id) as PersonRow;
}

/** A valid person access token for an existing row, without going through login. */
export function accessTokenFor(context: ServerContext, personId: string): string {
  return signToken(context.jwtSecret, {
    sub: personId,
    type: 'access',
    identityType: 'person',
    ttlSeconds: 3600,
  }).token;
}

/** A person token that expired an hour ago, as a client holds one after a night away. */
export function expiredTokenFor(
  context: ServerContext,
  personId: string,
  type: 'access' | 'refresh' = 'access',
): string {
  return signToken(context.jwtSecret, {
    sub: personId,
    type,
    identityType: 'person',
    ttlSeconds: 60,
    now: Math.floor(Date.now() / 1000) - 3600,
  }).token;
}

function toStored(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value ?? null;
}
