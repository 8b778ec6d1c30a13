import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from '../http/errors';
import {
  addEntity,
  addProject,
  addTask,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import {
  addComment,
  addMember,
  buildStudio,
  closeProject,
  expectedDetailedTask,
  normalizedRow,
  setProjectRole,
  setStatus,
  type Studio,
} from './user-views-test-kit';

let server: CrudTestServer;
let studio: Studio;

beforeAll(async () => {
  server = await startCrudServer();
  studio = buildStudio(server);
});
afterAll(() => server.close());

type Row = Record<string, any>;

async function list(client: ApiClient, path: string): Promise<Row[]> {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  expect(Array.isArray(response.body)).toBe(true);
  return response.body as Row[];
}

function ids(rows: Row[]): string[] {
  return rows.map((row) => row.id as string).sort();
}

function byId(rows: Row[], id: string): Row {
  const row = rows.find((candidate) => candidate.id === id);
  if (!row) throw new Error(`No row ${id}`);
  return row;
}

describe('GET /data/user/tasks', () => {
  it("lists exactly the artist's open assigned tasks of open team projects", async () => {
    const { tasks } = studio;
    const rows = await list(studio.artist, '/data/user/tasks');
    expect(ids(rows)).toEqual(
      [tasks.shotAnimation, tasks.heroModeling, tasks.propModeling, tasks.sequencePrevis].sort(),
    );
  });

  it('serves every task column and joined field as Zou builds them', async () => {
    const rows = await list(studio.artist, '/data/user/tasks');
    for (const row of rows) {
      expect(normalizedRow(row)).toEqual(expectedDetailedTask(server, row.id));
    }
  });

  it('resolves episodes from the sequence, the source, or a sequence parent', async () => {
    const { tasks } = studio;
    const rows = await list(studio.artist, '/data/user/tasks');

    const shot = byId(rows, tasks.shotAnimation);
    expect(shot).toMatchObject({
      entity_name: 'SH010',
      entity_type_name: 'Shot',
      entity_description: 'Opening shot',
      entity_data: { frame_in: 1001, frame_out: 1050 },
      entity_preview_file_id: '',
      entity_source_id: '',
      sequence_name: 'SQ01',
      episode_id: studio.episode1,
      episode_name: 'E01',
      task_type_name: 'Animation',
      task_type_for_entity: 'Shot',
      task_status_short_name: 'todo',
      task_estimation: 960,
      task_start_date: '2024-03-01T00:00:00',
      data: { note: 'keys' },
      type: 'Task',
      project_has_avatar: false,
      entity_canceled: false,
    });
    expect(shot).not.toHaveProperty('episode_ids');

    const hero = byId(rows, tasks.heroModeling);
    expect(hero).toMatchObject({
      sequence_name: null,
      entity_source_id: studio.episode1,
      episode_id: studio.episode1,
      episode_name: 'E01',
      episode_ids: [studio.episode1, studio.episode2],
      episode_names: ['E01', 'E02'],
    });
    expect([...hero.assignees].sort()).toEqual([studio.artist.id, studio.colleague.id].sort());

    // A source that is not an episode is the "main pack".
    expect(byId(rows, tasks.propModeling)).toMatchObject({
      episode_id: studio.sequence,
      episode_name: 'MP',
    });
    // The "sequence" of a sequence task is its parent episode.
    expect(byId(rows, tasks.sequencePrevis)).toMatchObject({
      entity_type_name: 'Sequence',
      sequence_name: 'E01',
      episode_id: studio.episode1,
      episode_name: 'E01',
    });
  });

  it('gives the last comment not written by someone acting as a client', async () => {
    const { tasks } = studio;
    const artistComment = addComment(
      server,
      tasks.shotAnimation,
      studio.artist.id,
      'Blocking done',
      '2024-03-02T10:00:00',
    );
    addComment(server, tasks.shotAnimation, studio.client.id, 'Love it', '2024-03-03T10:00:00');
    // A colleague acting as a client on this project is skipped too…
    const actingClient = addMember(server, 'user');
    const clientForShow = addMember(server, 'client');
    for (const person of [actingClient, clientForShow]) {
      server.context.db
        .prepare('INSERT INTO project_person_link (project_id, person_id) VALUES (?, ?)')
        .run(studio.show, person.id);
    }
    setProjectRole(server, studio.show, actingClient.id, 'client');
    // …while a client working as an artist on it counts.
    setProjectRole(server, studio.show, clientForShow.id, 'user');
    addComment(server, tasks.heroModeling, clientForShow.id, 'Fixed', '2024-03-04T10:00:00');
    addComment(server, tasks.heroModeling, actingClient.id, 'Hmm', '2024-03-05T10:00:00');

    const rows = await list(studio.artist, '/data/user/tasks');
    expect(byId(rows, tasks.shotAnimation).last_comment).toEqual({
      text: 'Blocking done',
      date: '2024-03-02T10:00:00',
      person_id: studio.artist.id,
    });
    expect(byId(rows, tasks.heroModeling).last_comment).toEqual({
      text: 'Fixed',
      date: '2024-03-04T10:00:00',
      person_id: clientForShow.id,
    });
    expect(byId(rows, tasks.propModeling).last_comment).toEqual({});
    expect(artistComment).toBeTruthy();
  });

  it("drops a project's tasks once it is closed", async () => {
    const artist = addMember(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const taskId = addTask(server, projectId, addEntity(server, projectId), {
      assignees: [artist.id],
    });
    expect(ids(await list(artist, '/data/user/tasks'))).toEqual([taskId]);
    closeProject(server, projectId);
    expect(await list(artist, '/data/user/tasks')).toEqual([]);
  });

  it('scopes even an admin to the teams they belong to, as Zou does', async () => {
    const admin = addMember(server, 'admin');
    addTask(server, studio.show, studio.shot, { assignees: [admin.id], taskType: ['FX', 'Shot'] });
    expect(await list(admin, '/data/user/tasks')).toEqual([]);
  });

  it('runs the same number of SQL statements for 1 task and for 60', async () => {
    const few = addMember(server, 'user');
    const many = addMember(server, 'user');
    const projectId = addProject(server, { team: [few.id, many.id] });
    addTask(server, projectId, addEntity(server, projectId), { assignees: [few.id] });
    for (let index = 0; index < 60; index += 1) {
      const entityId = addEntity(server, projectId);
      const taskId = addTask(server, projectId, entityId, { assignees: [many.id] });
      addComment(server, taskId, few.id, `note ${index}`, '2024-01-01T00:00:00');
    }
    const counted = countStatements();
    try {
      const countFor = async (client: ApiClient) => {
        counted.reset();
        const rows = await list(client, '/data/user/tasks');
        return { rows: rows.length, statements: counted.count };
      };
      const small = await countFor(few);
      const large = await countFor(many);
      expect(small.rows).toBe(1);
      expect(large.rows).toBe(60);
      expect(large.statements).toBe(small.statements);
      expect(large.statements).toBeLessThanOrEqual(8);
    } finally {
      counted.restore();
    }
  });
});

describe('GET /data/user/done-tasks', () => {
  it('lists done tasks, undated first, then by end date descending', async () => {
    const { tasks } = studio;
    const rows = await list(studio.artist, '/data/user/done-tasks');
    expect(rows.map((row) => row.id)).toEqual([
      tasks.propShadingDoneUndated,
      tasks.heroShadingDone,
      tasks.shotLayoutDone,
    ]);
    for (const row of rows) {
      expect(normalizedRow(row)).toEqual(expectedDetailedTask(server, row.id));
    }
  });

  it('breaks end date ties by task type name, then entity name', async () => {
    const artist = addMember(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const zebra = addEntity(server, projectId, 'Character', { name: 'Zebra' });
    const ant = addEntity(server, projectId, 'Character', { name: 'Ant' });
    const endDate = { end_date: '2024-06-01T00:00:00' };
    const done = [
      addTask(server, projectId, zebra, {
        assignees: [artist.id],
        taskType: ['Shading', 'Asset'],
        fields: endDate,
      }),
      addTask(server, projectId, ant, {
        assignees: [artist.id],
        taskType: ['Shading', 'Asset'],
        fields: endDate,
      }),
      addTask(server, projectId, zebra, {
        assignees: [artist.id],
        taskType: ['Modeling', 'Asset'],
        fields: endDate,
      }),
    ];
    for (const taskId of done) setStatus(server, taskId, 'done');
    const rows = await list(artist, '/data/user/done-tasks');
    expect(rows.map((row) => [row.task_type_name, row.entity_name])).toEqual([
      ['Modeling', 'Zebra'],
      ['Shading', 'Ant'],
      ['Shading', 'Zebra'],
    ]);
  });
});

describe('GET /data/persons/{id}/tasks and done-tasks', () => {
  it("lists someone else's tasks within the caller's related projects", async () => {
    const { tasks } = studio;
    const rows = await list(studio.artist, `/data/persons/${studio.colleague.id}/tasks`);
    expect(ids(rows)).toEqual(
      [
        tasks.heroModeling,
        tasks.colleagueTask,
        tasks.heroRiggingToCheck,
        tasks.shotLightingToCheck,
      ].sort(),
    );
    for (const row of rows) {
      expect(normalizedRow(row)).toEqual(expectedDetailedTask(server, row.id));
    }
  });

  it('gives admins every open project, team or not', async () => {
    const managerView = ids(await list(studio.manager, `/data/persons/${studio.artist.id}/tasks`));
    const adminView = ids(await list(studio.admin, `/data/persons/${studio.artist.id}/tasks`));
    expect(managerView).not.toContain(studio.tasks.elsewhereTask);
    expect(adminView).toEqual([...managerView, studio.tasks.elsewhereTask].sort());
    expect(adminView).not.toContain(studio.tasks.closedTask);
  });

  it('orders done tasks like /data/user/done-tasks', async () => {
    const rows = await list(studio.manager, `/data/persons/${studio.artist.id}/done-tasks`);
    expect(rows.map((row) => row.id)).toEqual([
      studio.tasks.propShadingDoneUndated,
      studio.tasks.heroShadingDone,
      studio.tasks.shotLayoutDone,
    ]);
  });

  it('answers clients an empty list', async () => {
    for (const kind of ['tasks', 'done-tasks']) {
      const response = await studio.client.get(`/data/persons/${studio.artist.id}/${kind}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual([]);
    }
  });

  it('lets a vendor read their own tasks only', async () => {
    const vendorTask = addTask(server, studio.show, studio.shot, {
      assignees: [studio.vendor.id],
      taskType: ['Compositing', 'Shot'],
    });
    const own = await list(studio.vendor, `/data/persons/${studio.vendor.id}/tasks`);
    expect(ids(own)).toEqual([vendorTask]);
    for (const kind of ['tasks', 'done-tasks']) {
      const other = await studio.vendor.get(`/data/persons/${studio.artist.id}/${kind}`);
      expect(other.status).toBe(403);
      expect(other.body).toEqual({ error: true, message: FORBIDDEN_MESSAGE });
    }
  });

  it('refuses bots as targets and answers 404 for unknown or unreadable ids', async () => {
    const asBot = await studio.manager.get(`/data/persons/${studio.bot.id}/tasks`);
    expect(asBot.status).toBe(403);
    const unknown = await studio.manager.get(
      '/data/persons/9d3f5a1e-0000-4000-8000-000000000000/done-tasks',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: true, message: NOT_FOUND_MESSAGE });
    expect((await studio.manager.get('/data/persons/not-an-id/tasks')).status).toBe(404);
  });

  it('accepts bot callers, which belong to no team', async () => {
    const response = await studio.bot.get(`/data/persons/${studio.artist.id}/tasks`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
  });
});

describe('GET /data/persons/{id}/related-tasks/{task_type_id}', () => {
  it('lists the tasks of a type on every entity the person works on', async () => {
    const riggingTypeId = server.context.db
      .prepare("SELECT id FROM task_type WHERE name = 'Rigging' AND for_entity = 'Asset'")
      .get() as { id: string };
    const rows = await list(
      studio.manager,
      `/data/persons/${studio.artist.id}/related-tasks/${riggingTypeId.id}`,
    );
    expect(ids(rows)).toEqual([studio.tasks.heroRiggingToCheck]);
    expect(rows[0]).toMatchObject({ type: 'Task', entity_id: studio.hero });
    expect(rows[0]).not.toHaveProperty('assignees');
  });

  it('applies the same target rules', async () => {
    const typeId = '9d3f5a1e-0000-4000-8000-000000000000';
    const path = (personId: string) => `/data/persons/${personId}/related-tasks/${typeId}`;
    expect((await studio.vendor.get(path(studio.artist.id))).status).toBe(403);
    expect((await studio.vendor.get(path(studio.vendor.id))).status).toBe(200);
    expect((await studio.manager.get(path(studio.bot.id))).status).toBe(403);
    const badType = await studio.manager.get(
      `/data/persons/${studio.artist.id}/related-tasks/nope`,
    );
    expect(badType.status).toBe(404);
  });
});

describe('GET /data/user/tasks-to-check', () => {
  function waitingInOpenProjects(): string[] {
    return (
      server.context.db
        .prepare(
          `SELECT t.id FROM task t JOIN task_status s ON s.id = t.task_status_id
           JOIN project p ON p.id = t.project_id
           JOIN project_status ps ON ps.id = p.project_status_id
           WHERE s.is_feedback_request = 1 AND ps.name = 'Open'`,
        )
        .all() as { id: string }[]
    )
      .map((row) => row.id)
      .sort();
  }

  it('gives admins every open project', async () => {
    const rows = await list(studio.admin, '/data/user/tasks-to-check');
    expect(ids(rows)).toEqual(waitingInOpenProjects());
    for (const row of rows) {
      expect(normalizedRow(row)).toEqual(expectedDetailedTask(server, row.id, false));
    }
  });

  it("gives managers their projects' tasks", async () => {
    const rows = await list(studio.manager, '/data/user/tasks-to-check');
    expect(ids(rows)).toEqual(
      [studio.tasks.heroRiggingToCheck, studio.tasks.shotLightingToCheck].sort(),
    );
  });

  it('limits supervisors to their departments (any when they have none)', async () => {
    const rows = await list(studio.supervisor, '/data/user/tasks-to-check');
    expect(ids(rows)).toEqual([studio.tasks.heroRiggingToCheck]);

    const generalist = addMember(server, 'supervisor');
    server.context.db
      .prepare('INSERT INTO project_person_link (project_id, person_id) VALUES (?, ?)')
      .run(studio.show, generalist.id);
    expect(ids(await list(generalist, '/data/user/tasks-to-check'))).toEqual(
      [studio.tasks.heroRiggingToCheck, studio.tasks.shotLightingToCheck].sort(),
    );
  });

  it('answers artists, clients and vendors an empty list', async () => {
    for (const person of [studio.artist, studio.client, studio.vendor]) {
      expect(await list(person, '/data/user/tasks-to-check')).toEqual([]);
    }
  });
});

describe('/data/user/* for bots', () => {
  it('answers 403 to every route', async () => {
    const routes: [string, string][] = [
      ['GET', '/data/user/context'],
      ['GET', '/data/user/tasks'],
      ['GET', '/data/user/done-tasks'],
      ['GET', '/data/user/tasks-to-check'],
      ['GET', `/data/user/shots/${studio.shot}/tasks`],
      ['GET', `/data/user/sequences/${studio.sequence}/tasks`],
      ['GET', `/data/user/assets/${studio.hero}/task-types`],
      ['GET', '/data/user/filters'],
      ['POST', '/data/user/filters'],
      ['GET', '/data/user/filter-groups'],
      ['POST', '/data/user/filter-groups'],
    ];
    for (const [method, path] of routes) {
      const response =
        method === 'GET' ? await studio.bot.get(path) : await studio.bot.post(path, {});
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body).toEqual({ error: true, message: FORBIDDEN_MESSAGE });
    }
  });
});

/** Counts statement executions on every connection of this process while installed. */
function countStatements(): { readonly count: number; reset(): void; restore(): void } {
  const prototype = Object.getPrototypeOf(server.context.db.prepare('SELECT 1')) as Record<
    string,
    unknown
  >;
  const state = { count: 0 };
  const originals = new Map<string, unknown>();
  for (const method of ['all', 'get', 'run', 'iterate']) {
    const original = prototype[method] as (this: Statement, ...args: unknown[]) => unknown;
    originals.set(method, original);
    prototype[method] = function (this: Statement, ...args: unknown[]) {
      state.count += 1;
      return original.apply(this, args);
    };
  }
  return {
    get count() {
      return state.count;
    },
    reset() {
      state.count = 0;
    },
    restore() {
      for (const [method, original] of originals) prototype[method] = original;
    },
  };
}
