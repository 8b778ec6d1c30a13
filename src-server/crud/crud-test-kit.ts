import { accessTokenFor, startTestServer, type TestServer } from '../test-support/test-server';
import type { Json } from '../models/serialize';
import type { Role } from '../permissions/access';
import { modelOf } from './model-of';
import { insertModelRow, type Data } from './rows';

// Test support for the CRUD suites, over the shared test server: people of every role with
// their tokens, and fixtures written straight to the database through the CRUD's own writer.

export type CrudTestServer = TestServer;

export const startCrudServer = (): Promise<TestServer> => startTestServer();

export interface ApiResponse {
  status: number;
  // Tests read arbitrary JSON shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** An HTTP client acting as one person. */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    readonly token: string,
    readonly id: string,
  ) {}

  get(path: string): Promise<ApiResponse> {
    return this.send('GET', path);
  }

  post(path: string, body?: unknown): Promise<ApiResponse> {
    return this.send('POST', path, body);
  }

  put(path: string, body?: unknown): Promise<ApiResponse> {
    return this.send('PUT', path, body);
  }

  delete(path: string): Promise<ApiResponse> {
    return this.send('DELETE', path);
  }

  private async send(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? '' : JSON.parse(text) };
  }
}

let counter = 0;

export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/** A person of the given role, with a client carrying a valid access token. */
export function addPerson(server: CrudTestServer, role: Role, fields: Data = {}): ApiClient {
  const name = unique(role);
  const id = insertRow(server, 'person', {
    first_name: name,
    last_name: 'Tester',
    email: `${name}@example.com`,
    role,
    ...fields,
  });
  return new ApiClient(server.baseUrl, accessTokenFor(server.context, id), id);
}

export function insertRow(server: CrudTestServer, table: string, data: Data): string {
  return insertModelRow(server.context.db, modelOf(table), data);
}

export function lookupId(server: CrudTestServer, sql: string, ...params: unknown[]): string {
  const row = server.context.db.prepare(sql).get(...params) as { id: string } | undefined;
  if (!row) throw new Error(`No row for ${sql}`);
  return row.id;
}

export function statusId(server: CrudTestServer, name: 'Open' | 'Closed'): string {
  return lookupId(server, 'SELECT id FROM project_status WHERE name = ?', name);
}

export function entityTypeId(server: CrudTestServer, name: string): string {
  return lookupId(server, 'SELECT id FROM entity_type WHERE name = ?', name);
}

export function taskTypeId(server: CrudTestServer, name: string, forEntity: string): string {
  return lookupId(
    server,
    'SELECT id FROM task_type WHERE name = ? AND for_entity = ?',
    name,
    forEntity,
  );
}

export function taskStatusId(server: CrudTestServer, shortName: string): string {
  return lookupId(server, 'SELECT id FROM task_status WHERE short_name = ?', shortName);
}

export function addProject(
  server: CrudTestServer,
  options: { team?: string[]; closed?: boolean; fields?: Data } = {},
): string {
  return insertRow(server, 'project', {
    name: unique('Project '),
    project_status_id: statusId(server, options.closed ? 'Closed' : 'Open'),
    team: options.team ?? [],
    ...options.fields,
  });
}

export function addEntity(
  server: CrudTestServer,
  projectId: string,
  typeName = 'Character',
  fields: Data = {},
): string {
  return insertRow(server, 'entity', {
    name: unique('Entity '),
    project_id: projectId,
    entity_type_id: entityTypeId(server, typeName),
    ...fields,
  });
}

export function addTask(
  server: CrudTestServer,
  projectId: string,
  entityId: string,
  options: { assignees?: string[]; taskType?: [string, string]; fields?: Data } = {},
): string {
  const [name, forEntity] = options.taskType ?? ['Modeling', 'Asset'];
  return insertRow(server, 'task', {
    name: unique('task '),
    project_id: projectId,
    entity_id: entityId,
    task_type_id: taskTypeId(server, name, forEntity),
    task_status_id: taskStatusId(server, 'todo'),
    assignees: options.assignees ?? [],
    ...options.fields,
  });
}

/** The api_event rows named so, oldest first. */
export function eventsNamed(server: CrudTestServer, name: string): Json[] {
  const rows = server.context.db
    .prepare('SELECT * FROM api_event WHERE name = ? ORDER BY rowid')
    .all(name) as Json[];
  return rows.map((row) => ({ ...row, data: JSON.parse(String(row.data)) as unknown }));
}
