import {
  ApiClient,
  addEntity,
  addTask,
  insertRow,
  taskStatusId,
  unique,
  type ApiResponse,
} from '../crud/crud-test-kit';
import type { Role } from '../permissions/access';
import { call } from '../test-support/http-client';
import { createPerson, startTestServer, type TestServer } from '../test-support/test-server';
import type { ServerSettings } from '../context';

// Fixtures for the comment suites: a production whose team holds one person of each role,
// every one logged in through POST /auth/login.

export interface Member extends ApiClient {
  firstName: string;
  lastName: string;
}

/** A person of the role, logged in; their names are unique so that `@mentions` are exact. */
export async function loginAs(
  server: TestServer,
  role: Role,
  fields: Record<string, unknown> = {},
): Promise<Member> {
  const firstName = unique(role.charAt(0).toUpperCase() + role.slice(1));
  const person = await createPerson(server.context, {
    first_name: firstName,
    last_name: 'Smith',
    role,
    password: 'comment-pass',
    ...fields,
  });
  const login = await call('POST', `${server.baseUrl}/auth/login`, {
    body: { email: person.email, password: 'comment-pass' },
  });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  const client = new ApiClient(server.baseUrl, login.body.access_token as string, person.id);
  return Object.assign(client, { firstName, lastName: 'Smith' });
}

export interface Production {
  projectId: string;
  entityId: string;
  taskId: string;
  manager: Member;
  supervisor: Member;
  artist: Member;
  otherArtist: Member;
  client: Member;
  vendor: Member;
}

/** A project, an asset with a Modeling task assigned to `artist`, and its team. */
export async function addProduction(
  server: TestServer,
  projectFields: Record<string, unknown> = {},
): Promise<Production> {
  const members = {
    manager: await loginAs(server, 'manager'),
    supervisor: await loginAs(server, 'supervisor'),
    artist: await loginAs(server, 'user'),
    otherArtist: await loginAs(server, 'user'),
    client: await loginAs(server, 'client'),
    vendor: await loginAs(server, 'vendor'),
  };
  const projectId = insertRow(server, 'project', {
    name: unique('Comment project '),
    project_status_id: server.context.db
      .prepare("SELECT id FROM project_status WHERE name = 'Open'")
      .pluck()
      .get(),
    team: Object.values(members).map((member) => member.id),
    ...projectFields,
  });
  const entityId = addEntity(server, projectId);
  const taskId = addTask(server, projectId, entityId, { assignees: [members.artist.id] });
  return { projectId, entityId, taskId, ...members };
}

export function statusOf(server: TestServer, shortName: string): string {
  return taskStatusId(server, shortName);
}

export { addTask };

export async function startCommentServer(
  settings: Partial<ServerSettings> = {},
): Promise<TestServer> {
  return startTestServer(settings);
}

/** A multipart POST as gazu and Kitsu send it. */
export async function postForm(
  server: TestServer,
  token: string,
  path: string,
  form: FormData,
): Promise<ApiResponse> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? '' : JSON.parse(text) };
}

// Tests read stored rows loosely, as they read JSON bodies.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function row(server: TestServer, sql: string, ...params: unknown[]): any {
  return server.context.db.prepare(sql).get(...params);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rows(server: TestServer, sql: string, ...params: unknown[]): any[] {
  return server.context.db.prepare(sql).all(...params);
}
