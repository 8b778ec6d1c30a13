import { issueBotToken } from '../auth/tokens';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  ApiClient,
  insertRow,
  lookupId,
  taskStatusId,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import type { Data } from '../crud/rows';
import type { Role } from '../permissions/access';

// Fixtures for the user-views suites: a studio of every role around one TV show, written
// straight to the database, and an independent (row by row) rebuild of the detailed task rows.

export function departmentId(server: CrudTestServer, name: string): string {
  return lookupId(server, 'SELECT id FROM department WHERE name = ?', name);
}

export function addMember(
  server: CrudTestServer,
  role: Role,
  departments: string[] = [],
  fields: Data = {},
): ApiClient {
  return addPerson(server, role, {
    departments: departments.map((name) => departmentId(server, name)),
    ...fields,
  });
}

/** A bot person with its API token (identity type "bot"). */
export function addBot(server: CrudTestServer): ApiClient {
  const bot = addPerson(server, 'user', { is_bot: true });
  return new ApiClient(server.baseUrl, issueBotToken(server.context, bot.id, null), bot.id);
}

export function setProjectRole(
  server: CrudTestServer,
  projectId: string,
  personId: string,
  role: string | null,
): void {
  server.context.db
    .prepare('UPDATE project_person_link SET role = ? WHERE project_id = ? AND person_id = ?')
    .run(role, projectId, personId);
}

export function addComment(
  server: CrudTestServer,
  taskId: string,
  personId: string,
  text: string,
  createdAt: string,
): string {
  const id = insertRow(server, 'comment', {
    object_id: taskId,
    object_type: 'Task',
    text,
    person_id: personId,
    task_status_id: taskStatusId(server, 'todo'),
  });
  server.context.db
    .prepare('UPDATE comment SET created_at = ?, updated_at = ? WHERE id = ?')
    .run(createdAt, createdAt, id);
  return id;
}

/** Casts an asset in an episode (an entity link from the episode). */
export function castInEpisode(server: CrudTestServer, episodeId: string, assetId: string): void {
  server.context.db
    .prepare('INSERT INTO entity_link (entity_in_id, entity_out_id) VALUES (?, ?)')
    .run(episodeId, assetId);
}

export function setStatus(server: CrudTestServer, taskId: string, shortName: string): void {
  server.context.db
    .prepare('UPDATE task SET task_status_id = ? WHERE id = ?')
    .run(taskStatusId(server, shortName), taskId);
}

export function closeProject(server: CrudTestServer, projectId: string): void {
  server.context.db
    .prepare(
      `UPDATE project SET project_status_id = (SELECT id FROM project_status WHERE name = 'Closed')
       WHERE id = ?`,
    )
    .run(projectId);
}

export interface Studio {
  admin: ApiClient;
  manager: ApiClient;
  /** Animation department. */
  supervisor: ApiClient;
  /** Animation department; the person whose lists are under test. */
  artist: ApiClient;
  colleague: ApiClient;
  client: ApiClient;
  vendor: ApiClient;
  bot: ApiClient;
  /** Open TV show, everybody but `outsider` in the team. */
  show: string;
  /** Closed project where the artist holds tasks. */
  closed: string;
  /** Open project without the artist in its team, where they still hold a task. */
  elsewhere: string;
  episode1: string;
  episode2: string;
  sequence: string;
  shot: string;
  /** Asset whose source is episode 1, cast in both episodes. */
  hero: string;
  /** Asset whose source is the sequence: its episode reads "MP". */
  prop: string;
  tasks: {
    shotAnimation: string;
    heroModeling: string;
    propModeling: string;
    sequencePrevis: string;
    shotLayoutDone: string;
    heroShadingDone: string;
    propShadingDoneUndated: string;
    colleagueTask: string;
    closedTask: string;
    elsewhereTask: string;
    heroRiggingToCheck: string;
    shotLightingToCheck: string;
  };
}

/** The studio every task-list suite starts from. */
export function buildStudio(server: CrudTestServer): Studio {
  const admin = addMember(server, 'admin');
  const manager = addMember(server, 'manager');
  const supervisor = addMember(server, 'supervisor', ['Animation']);
  const artist = addMember(server, 'user', ['Animation']);
  const colleague = addMember(server, 'user', ['Modeling']);
  const client = addMember(server, 'client');
  const vendor = addMember(server, 'vendor', ['Compositing']);
  const bot = addBot(server);
  const team = [manager, supervisor, artist, colleague, client, vendor].map((person) => person.id);

  const show = addProject(server, { team, fields: { production_type: 'tvshow' } });
  const closed = addProject(server, { team: [artist.id], closed: true });
  const elsewhere = addProject(server, { team: [colleague.id] });

  const episode1 = addEntity(server, show, 'Episode', { name: 'E01' });
  const episode2 = addEntity(server, show, 'Episode', { name: 'E02' });
  const sequence = addEntity(server, show, 'Sequence', { name: 'SQ01', parent_id: episode1 });
  const shot = addEntity(server, show, 'Shot', {
    name: 'SH010',
    parent_id: sequence,
    data: { frame_in: 1001, frame_out: 1050 },
    description: 'Opening shot',
  });
  const hero = addEntity(server, show, 'Character', { name: 'Hero', source_id: episode1 });
  const prop = addEntity(server, show, 'Prop', { name: 'Lamp', source_id: sequence });
  castInEpisode(server, episode2, hero);
  castInEpisode(server, episode1, hero);

  const previsTypeId = insertRow(server, 'task_type', {
    name: 'Previs',
    for_entity: 'Sequence',
    color: '#123456',
    department_id: departmentId(server, 'Animation'),
  });
  const sequencePrevis = insertRow(server, 'task', {
    name: 'main',
    project_id: show,
    entity_id: sequence,
    task_type_id: previsTypeId,
    task_status_id: taskStatusId(server, 'wip'),
    assignees: [artist.id],
  });

  const mine = { assignees: [artist.id] };
  const shotAnimation = addTask(server, show, shot, {
    ...mine,
    taskType: ['Animation', 'Shot'],
    fields: { estimation: 960, start_date: '2024-03-01T00:00:00', data: { note: 'keys' } },
  });
  const heroModeling = addTask(server, show, hero, { assignees: [artist.id, colleague.id] });
  const propModeling = addTask(server, show, prop, mine);
  const shotLayoutDone = addTask(server, show, shot, {
    ...mine,
    taskType: ['Layout', 'Shot'],
    fields: { end_date: '2024-02-01T10:00:00' },
  });
  const heroShadingDone = addTask(server, show, hero, {
    ...mine,
    taskType: ['Shading', 'Asset'],
    fields: { end_date: '2024-05-01T10:00:00' },
  });
  const propShadingDoneUndated = addTask(server, show, prop, {
    ...mine,
    taskType: ['Shading', 'Asset'],
  });
  for (const done of [shotLayoutDone, heroShadingDone, propShadingDoneUndated]) {
    setStatus(server, done, 'done');
  }
  const colleagueTask = addTask(server, show, hero, {
    assignees: [colleague.id],
    taskType: ['Concept', 'Asset'],
  });
  const closedTask = addTask(server, closed, addEntity(server, closed), mine);
  const elsewhereTask = addTask(server, elsewhere, addEntity(server, elsewhere), mine);

  // Waiting for approval: one in the supervisor's department, one outside it.
  const heroRiggingToCheck = addTask(server, show, hero, {
    assignees: [colleague.id],
    taskType: ['Rigging', 'Asset'],
  });
  const shotLightingToCheck = addTask(server, show, shot, {
    assignees: [colleague.id],
    taskType: ['Lighting', 'Shot'],
  });
  setStatus(server, heroRiggingToCheck, 'wfa');
  setStatus(server, shotLightingToCheck, 'wfa');

  return {
    admin,
    manager,
    supervisor,
    artist,
    colleague,
    client,
    vendor,
    bot,
    show,
    closed,
    elsewhere,
    episode1,
    episode2,
    sequence,
    shot,
    hero,
    prop,
    tasks: {
      shotAnimation,
      heroModeling,
      propModeling,
      sequencePrevis,
      shotLayoutDone,
      heroShadingDone,
      propShadingDoneUndated,
      colleagueTask,
      closedTask,
      elsewhereTask,
      heroRiggingToCheck,
      shotLightingToCheck,
    },
  };
}

type DbRow = Record<string, unknown>;

/**
 * The detailed row of one task rebuilt the slow way, following Zou's code step by step
 * (`get_person_tasks` / `_resolve_episode_and_build_task_dict` / `get_last_comment_map`), to
 * check the batched SQL against. Assignees are sorted.
 */
export function expectedDetailedTask(
  server: CrudTestServer,
  taskId: string,
  withCasting = true,
): DbRow {
  const db = server.context.db;
  const one = (sql: string, ...params: unknown[]) =>
    db.prepare(sql).get(...params) as DbRow | undefined;
  const task = one('SELECT * FROM task WHERE id = ?', taskId) as DbRow;
  const project = one('SELECT * FROM project WHERE id = ?', task.project_id) as DbRow;
  const entity = one('SELECT * FROM entity WHERE id = ?', task.entity_id) as DbRow;
  const typeName = (id: unknown) =>
    (one('SELECT name FROM entity_type WHERE id = ?', id) as DbRow).name;
  const taskType = one('SELECT * FROM task_type WHERE id = ?', task.task_type_id) as DbRow;
  const status = one('SELECT * FROM task_status WHERE id = ?', task.task_status_id) as DbRow;
  const sequence = entity.parent_id
    ? one('SELECT * FROM entity WHERE id = ?', entity.parent_id)
    : undefined;
  const episode = sequence?.parent_id
    ? one('SELECT * FROM entity WHERE id = ?', sequence.parent_id)
    : undefined;

  const sourceId = (entity.source_id as string | null) ?? '';
  let episodeId: unknown = episode?.id ?? null;
  let episodeName: unknown = episode?.name ?? null;
  if (episodeId === null) {
    episodeId = sourceId;
    if (sourceId !== '') {
      const source = one('SELECT * FROM entity WHERE id = ?', sourceId);
      episodeName = source && typeName(source.entity_type_id) === 'Episode' ? source.name : 'MP';
    }
  }
  if (typeName(entity.entity_type_id) === 'Sequence' && entity.parent_id) {
    episodeId = entity.parent_id;
    episodeName = sequence?.name;
  }

  const comments = (
    db
      .prepare('SELECT * FROM comment WHERE object_id = ? ORDER BY created_at')
      .all(taskId) as DbRow[]
  ).filter((comment) => {
    const author = one('SELECT role FROM person WHERE id = ?', comment.person_id) as DbRow;
    const link = one(
      'SELECT role FROM project_person_link WHERE person_id = ? AND project_id = ?',
      comment.person_id,
      task.project_id,
    );
    return ((link?.role as string | null) ?? author.role) !== 'client';
  });
  const last = comments.at(-1);

  const expected: DbRow = {
    ...Object.fromEntries(
      Object.entries(task).map(([key, value]) => [
        key,
        key === 'data' && typeof value === 'string' ? JSON.parse(value) : value,
      ]),
    ),
    type: 'Task',
    project_name: project.name,
    project_has_avatar: Boolean(project.has_avatar),
    entity_name: entity.name,
    entity_description: entity.description,
    entity_data: typeof entity.data === 'string' ? JSON.parse(entity.data) : null,
    entity_preview_file_id: entity.preview_file_id ?? '',
    entity_source_id: sourceId,
    entity_type_name: typeName(entity.entity_type_id),
    entity_canceled: Boolean(entity.canceled),
    sequence_name: sequence?.name ?? null,
    episode_id: episodeId,
    episode_name: episodeName,
    task_type_for_entity: taskType.for_entity,
    task_estimation: task.estimation,
    task_duration: task.duration,
    task_start_date: task.start_date,
    task_due_date: task.due_date,
    task_type_name: taskType.name,
    task_status_name: status.name,
    task_type_color: taskType.color,
    task_status_color: status.color,
    task_status_short_name: status.short_name,
    assignees: (
      db.prepare('SELECT person_id FROM task_person_link WHERE task_id = ?').all(taskId) as DbRow[]
    )
      .map((row) => row.person_id)
      .sort(),
    last_comment: last ? { text: last.text, date: last.created_at, person_id: last.person_id } : {},
  };
  if (withCasting) {
    const episodes = db
      .prepare(
        `SELECT episode.id, episode.name FROM entity_link l
         JOIN entity episode ON episode.id = l.entity_in_id
         JOIN entity_type t ON t.id = episode.entity_type_id
         WHERE l.entity_out_id = ? AND t.name = 'Episode' ORDER BY episode.name`,
      )
      .all(task.entity_id) as DbRow[];
    if (episodes.length > 0) {
      expected.episode_ids = episodes.map((row) => row.id);
      expected.episode_names = episodes.map((row) => row.name);
    }
  }
  return expected;
}

/** A served task row with its assignees sorted, to compare with `expectedDetailedTask`. */
export function normalizedRow(row: DbRow): DbRow {
  return { ...row, assignees: [...(row.assignees as string[])].sort() };
}
