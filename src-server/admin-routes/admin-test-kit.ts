import { createPerson } from '../test-support/test-server';
import { addPerson, ApiClient, type CrudTestServer } from '../crud/crud-test-kit';
import type { Role } from '../permissions/access';

// Test support for the admin routes, over the CRUD test kit: people who log in, raw sends
// (text, forms, multipart) and a look at the events a request raised.

export { addPerson };

/** A person of that role who logs in with a password through `POST /api/auth/login`. */
export async function loginAs(server: CrudTestServer, role: Role): Promise<ApiClient> {
  const password = 'a-long-password';
  const person = await createPerson(server.context, { role, password });
  const response = await fetch(`${server.baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: person.email, password }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`Login failed: ${JSON.stringify(body)}`);
  return new ApiClient(server.baseUrl, body.access_token, person.id);
}

export interface RawResponse {
  status: number;
  text: string;
  headers: Headers;
  // Tests read arbitrary JSON shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Any request as that client: a string body goes as is with its content type. */
export async function send(
  server: CrudTestServer,
  client: ApiClient,
  method: string,
  path: string,
  body?: string | FormData,
  contentType?: string,
): Promise<RawResponse> {
  const headers: Record<string, string> = { Authorization: `Bearer ${client.token}` };
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? '' : JSON.parse(text);
  } catch {
    // CSV and other text bodies stay text.
  }
  return { status: response.status, text, headers: response.headers, body: parsed };
}

/** A multipart body holding one CSV file under `file`, as Kitsu uploads it. */
export function csvForm(csv: string, fieldName = 'file'): FormData {
  const form = new FormData();
  form.append(fieldName, new Blob([csv], { type: 'text/csv' }), 'casting.csv');
  return form;
}

/** Names of the api_event rows written since `afterRowid`, oldest first. */
export function eventNamesSince(server: CrudTestServer, afterRowid: number): string[] {
  return (
    server.context.db
      .prepare('SELECT name FROM api_event WHERE rowid > ? ORDER BY rowid')
      .all(afterRowid) as { name: string }[]
  ).map((row) => row.name);
}

export function lastEventRowid(server: CrudTestServer): number {
  const row = server.context.db.prepare('SELECT MAX(rowid) AS id FROM api_event').get() as {
    id: number | null;
  };
  return row.id ?? 0;
}

export function countRows(server: CrudTestServer, sql: string, ...params: unknown[]): number {
  const row = server.context.db.prepare(sql).get(...params) as Record<string, number>;
  return Object.values(row)[0] ?? 0;
}

export const MISSING_ID = '00000000-0000-4000-8000-000000000000';
