import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_MESSAGE } from '../http/errors';
import { newId } from '../db/ids';
import {
  accessToken,
  addPerson,
  addProject,
  startStreamServer,
  type StreamFixture,
} from './stream-test-fixture';

interface EventRow {
  id: string;
  created_at: string;
  name: string;
  user_id: string | null;
  project_id: string | null;
  data: Record<string, unknown> | null;
}

let fixture: StreamFixture;
let admin: string;
let manager: string;
let artist: string;
let projectManager: string;
let ownProject: string;
let otherProject: string;
/** Inserted events, oldest first. */
const log: EventRow[] = [];

function insertEvent(
  createdAt: string,
  name: string,
  projectId: string | null,
  userId: string | null = null,
): EventRow {
  const row: EventRow = {
    id: newId(),
    created_at: createdAt,
    name,
    user_id: userId,
    project_id: projectId,
    data: projectId ? { x: name, project_id: projectId } : { x: name },
  };
  fixture.db
    .prepare(
      `INSERT INTO api_event (id, created_at, updated_at, name, user_id, project_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(row.id, createdAt, createdAt, name, userId, projectId, JSON.stringify(row.data));
  log.push(row);
  return row;
}

async function get(personId: string, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${fixture.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${accessToken(fixture.context, personId)}` },
  });
  return { status: response.status, body: await response.json() };
}

async function events(personId: string, query = ''): Promise<EventRow[]> {
  const { status, body } = await get(personId, `/data/events/last${query}`);
  expect(status).toBe(200);
  return body as EventRow[];
}

const newestFirst = (rows: EventRow[]): EventRow[] => [...rows].reverse();
const ids = (rows: EventRow[]): string[] => rows.map((row) => row.id);

beforeAll(async () => {
  fixture = await startStreamServer();
  admin = addPerson(fixture.db, 'admin');
  manager = addPerson(fixture.db, 'manager');
  artist = addPerson(fixture.db, 'user');
  projectManager = addPerson(fixture.db, 'user');
  ownProject = addProject(fixture.db, [manager, artist, [projectManager, 'manager']]);
  otherProject = addProject(fixture.db, []);
  insertEvent('2024-03-01T09:00:00', 'person:new', null, admin);
  insertEvent('2024-03-01T10:00:00', 'task:new', ownProject, manager);
  insertEvent('2024-03-01T10:00:00', 'task:update', ownProject, artist);
  insertEvent('2024-03-01T10:00:00', 'comment:new', otherProject, admin);
  insertEvent('2024-03-02T08:30:00', 'preview-file:add-file', ownProject, artist);
  insertEvent('2024-03-02T12:00:00', 'project:set-thumbnail', otherProject, admin);
  insertEvent('2024-03-03T00:00:00', 'task-type:update', null, admin);
  insertEvent('2024-03-03T07:00:00', 'comment:update', ownProject, manager);
});
afterAll(() => fixture.close());

describe('GET /data/events/last', () => {
  it('gives an admin every event, newest first, in Zou’s shape', async () => {
    expect(await events(admin)).toEqual(newestFirst(log));
  });

  it('returns what was missed after a timestamp, and stops before another', async () => {
    const after = await events(admin, '?after=2024-03-02T08:30:00');
    expect(ids(after)).toEqual(ids(newestFirst(log.slice(4))));
    const day = await events(admin, '?after=2024-03-02&before=2024-03-03');
    expect(ids(day)).toEqual(ids([log[5]!, log[4]!]));
  });

  it('pages with limit and cursor_event_id without losing events of the same second', async () => {
    const all = newestFirst(log);
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await events(admin, `?limit=3${cursor}`);
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...ids(page));
      cursor = `&cursor_event_id=${page.at(-1)!.id}`;
    }
    expect(seen).toEqual(ids(all));
  });

  it('filters by name, name prefixes and suffixes, persons, project and files', async () => {
    const names = async (query: string): Promise<string[]> =>
      (await events(admin, query)).map((row) => row.name);
    expect(await names('?name=task:new')).toEqual(['task:new']);
    expect(await names('?name_prefixes=task&name_prefixes=comment')).toEqual([
      'comment:update',
      'comment:new',
      'task:update',
      'task:new',
    ]);
    expect(await names('?name_suffixes=update')).toEqual([
      'comment:update',
      'task-type:update',
      'task:update',
    ]);
    expect(await names('?name_prefixes=task&name_suffixes=new')).toEqual(['task:new']);
    expect(await names(`?person_ids=${artist}&person_ids=${manager.toUpperCase()}`)).toEqual([
      'comment:update',
      'preview-file:add-file',
      'task:update',
      'task:new',
    ]);
    expect(await names(`?project_id=${otherProject}`)).toEqual([
      'project:set-thumbnail',
      'comment:new',
    ]);
    expect(await names('?only_files=true')).toEqual([
      'project:set-thumbnail',
      'preview-file:add-file',
    ]);
  });

  it('limits a manager to the projects of their teams, never project-less events', async () => {
    const own = log.filter((row) => row.project_id === ownProject);
    expect(await events(manager)).toEqual(newestFirst(own));
    const refused = await get(manager, `/data/events/last?project_id=${otherProject}`);
    expect(refused).toEqual({ status: 403, body: { error: true, message: FORBIDDEN_MESSAGE } });
  });

  it('lets a project-level manager read their project when they name it', async () => {
    const own = log.filter((row) => row.project_id === ownProject);
    expect(await events(projectManager, `?project_id=${ownProject}`)).toEqual(newestFirst(own));
    expect((await get(projectManager, '/data/events/last')).status).toBe(403);
  });

  it('refuses artists with 403, even on their own project', async () => {
    for (const query of ['', `?project_id=${ownProject}`, `?project_id=${newId()}`]) {
      const response = await get(artist, `/data/events/last${query}`);
      expect(response).toEqual({ status: 403, body: { error: true, message: FORBIDDEN_MESSAGE } });
    }
  });

  it('answers bad parameters with WrongParameter 400s', async () => {
    const bad = async (query: string, message: string): Promise<void> => {
      expect(await get(admin, `/data/events/last?${query}`)).toEqual({
        status: 400,
        body: { error: true, message, data: null },
      });
    };
    const wrongDate =
      'Wrong date format for before argument.Expected format: 2020-01-05T13:23:10 or 2020-01-05';
    await bad('after=yesterday', wrongDate);
    await bad('after=2024-02-30', wrongDate);
    await bad('before=2024-03-01 10:00:00', wrongDate);
    await bad('limit=ten', 'Wrong value for parameter limit.');
    await bad('project_id=nope', 'The project_id parameter is not a valid id');
    await bad('cursor_event_id=nope', 'The cursor_event_id parameter is not a valid id');
    const unknown = newId();
    await bad(`cursor_event_id=${unknown}`, `No event found with id: ${unknown}`);
    await bad('name_prefixes=task%25', 'The name_prefixes parameter contains an invalid value');
    await bad('name_suffixes=', 'The name_suffixes parameter contains an invalid value');
    await bad('person_ids=someone', 'The person_ids parameter contains an invalid id');
  });

  it('caps the limit at 1000 and accepts unpadded dates', async () => {
    expect(await events(admin, '?limit=5000')).toHaveLength(log.length);
    expect(await events(admin, '?limit=0')).toEqual([]);
    expect(ids(await events(admin, '?after=2024-3-3T7:0:0'))).toEqual([log[7]!.id]);
  });

  it('lists events emitted on the bus, with their payload', async () => {
    const projectId = addProject(fixture.db, [manager]);
    fixture.context.events.emit({
      name: 'Shot:New',
      data: { shot_id: 'abc' },
      projectId,
      userId: manager,
    });
    const [event] = await events(manager, `?project_id=${projectId}`);
    expect(event).toMatchObject({
      name: 'shot:new',
      user_id: manager,
      project_id: projectId,
      data: { shot_id: 'abc', project_id: projectId },
    });
    expect(Object.keys(event!)).toEqual([
      'id',
      'created_at',
      'name',
      'user_id',
      'project_id',
      'data',
    ]);
  });
});

describe('GET /data/events/names', () => {
  it('lists the distinct names, sorted, to managers', async () => {
    const { status, body } = await get(manager, '/data/events/names');
    expect(status).toBe(200);
    const stored = fixture.db.prepare('SELECT name FROM api_event').all() as { name: string }[];
    expect(body).toEqual([...new Set(stored.map((row) => row.name))].sort());
    expect(body).toContain('task-type:update');
  });

  it('refuses artists', async () => {
    expect((await get(artist, '/data/events/names')).status).toBe(403);
  });
});
