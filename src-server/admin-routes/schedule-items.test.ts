import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addProject,
  eventsNamed,
  startCrudServer,
  taskTypeId,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addPerson, countRows, MISSING_ID } from './admin-test-kit';

let server: CrudTestServer;
let artist: ApiClient;
let vendor: ApiClient;
let projectId: string;
let layoutId: string;

beforeAll(async () => {
  server = await startCrudServer();
  artist = addPerson(server, 'user');
  vendor = addPerson(server, 'vendor');
  projectId = addProject(server, { team: [artist.id, vendor.id] });
  layoutId = taskTypeId(server, 'Layout', 'Shot');
});
afterAll(() => server.close());

function localDay(offset: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe('GET /data/projects/{pid}/schedule-items/{ttid}/sequences', () => {
  const path = () => `/data/projects/${projectId}/schedule-items/${layoutId}/sequences`;

  it('creates the missing items once, sorted by sequence name', async () => {
    const episode = addEntity(server, projectId, 'Episode', { name: 'E01' });
    const sq2 = addEntity(server, projectId, 'Sequence', { name: 'SQ02', parent_id: episode });
    const sq1 = addEntity(server, projectId, 'Sequence', { name: 'SQ01' });
    const first = await artist.get(path());
    expect(first.status).toBe(200);
    expect(first.body).toEqual([
      {
        id: expect.any(String),
        start_date: localDay(0),
        end_date: localDay(1),
        man_days: null,
        project_id: projectId,
        task_type_id: layoutId,
        object_id: sq1,
        name: 'SQ01',
      },
      expect.objectContaining({ object_id: sq2, name: 'SQ02' }),
    ]);
    expect(Object.keys(first.body[0])).toEqual([
      'id',
      'start_date',
      'end_date',
      'man_days',
      'project_id',
      'task_type_id',
      'object_id',
      'name',
    ]);
    const created = eventsNamed(server, 'schedule-item:new');
    expect(created.map((event) => event.data)).toEqual(
      expect.arrayContaining([
        { schedule_item_id: first.body[0].id, project_id: projectId },
        { schedule_item_id: first.body[1].id, project_id: projectId },
      ]),
    );

    const second = await artist.get(path());
    expect(second.body).toEqual(first.body);
    expect(eventsNamed(server, 'schedule-item:new')).toHaveLength(2);
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM schedule_item')).toBe(2);

    const ofEpisode = await artist.get(`${path()}?episode_id=${episode}`);
    expect(ofEpisode.body.map((item: { name: string }) => item.name)).toEqual(['SQ02']);
  });

  it('leaves out items whose sequence is gone', async () => {
    const doomed = addEntity(server, projectId, 'Sequence', { name: 'SQ99' });
    expect((await artist.get(path())).body).toHaveLength(3);
    server.context.db.prepare('DELETE FROM entity WHERE id = ?').run(doomed);
    expect((await artist.get(path())).body.map((item: { name: string }) => item.name)).toEqual([
      'SQ01',
      'SQ02',
    ]);
  });

  it('refuses vendors, outsiders and bad ids', async () => {
    expect((await vendor.get(path())).status).toBe(403);
    expect((await addPerson(server, 'user').get(path())).status).toBe(403);
    const badType = await artist.get(`/data/projects/${projectId}/schedule-items/nope/sequences`);
    expect(badType.status).toBe(400);
    expect(badType.body).toEqual({ error: true, message: 'Wrong UUID format.', data: null });
    expect((await artist.get(`${path()}?episode_id=nope`)).body.message).toBe('Wrong UUID format.');
    const before = countRows(server, 'SELECT COUNT(*) AS n FROM schedule_item');
    const unknownType = await artist.get(
      `/data/projects/${projectId}/schedule-items/${MISSING_ID}/sequences`,
    );
    expect(unknownType.status).toBe(404);
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM schedule_item')).toBe(before);
  });
});
