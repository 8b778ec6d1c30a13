import {
  addEntity,
  addPerson,
  addProject,
  insertRow,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { shippedFileTree } from './shipped-file-trees';

// A production laid out as Zou's own file-tree tests lay theirs: an asset "Tree" of type
// "Props" with a "Shaders" task, and shots and a scene in sequence "S01" of episode "E01",
// with an "Animation" task on the shot. The project reads the shipped "simple" tree.

export interface FileFixture {
  projectId: string;
  manager: ApiClient;
  /** Assigned to the asset's task. */
  artist: ApiClient;
  assetTypeId: string;
  assetId: string;
  episodeId: string;
  sequenceId: string;
  shotId: string;
  sceneId: string;
  shadersId: string;
  animationId: string;
  departmentId: string;
  assetTaskId: string;
  shotTaskId: string;
  sceneTaskId: string;
}

function idOf(server: CrudTestServer, sql: string, ...params: unknown[]): string | null {
  const row = server.context.db.prepare(sql).get(...params) as { id: string } | undefined;
  return row?.id ?? null;
}

function getOrInsert(server: CrudTestServer, table: string, data: Record<string, unknown>) {
  return (
    idOf(server, `SELECT id FROM ${table} WHERE name = ?`, data.name) ??
    insertRow(server, table, data)
  );
}

function todoId(server: CrudTestServer): string {
  return idOf(server, "SELECT id FROM task_status WHERE short_name = 'todo'") ?? '';
}

export function addFileFixture(
  server: CrudTestServer,
  options: { projectName?: string; tree?: unknown } = {},
): FileFixture {
  const manager = addPerson(server, 'manager');
  const artist = addPerson(server, 'user');
  const tree = options.tree === undefined ? shippedFileTree('simple') : options.tree;
  const projectId = addProject(server, {
    team: [manager.id, artist.id],
    fields: { name: options.projectName ?? 'Cosmos Landromat', file_tree: tree },
  });
  const departmentId = getOrInsert(server, 'department', { name: 'Shading', color: '#000000' });
  const assetTypeId = getOrInsert(server, 'entity_type', { name: 'Props', short_name: 'prp' });
  const shadersId = getOrInsert(server, 'task_type', {
    name: 'Shaders',
    short_name: 'shd',
    for_entity: 'Asset',
    department_id: departmentId,
  });
  const animationId =
    idOf(server, "SELECT id FROM task_type WHERE name = 'Animation' AND for_entity = 'Shot'") ?? '';
  const assetId = addEntity(server, projectId, 'Props', { name: 'Tree' });
  const episodeId = addEntity(server, projectId, 'Episode', { name: 'E01' });
  const sequenceId = addEntity(server, projectId, 'Sequence', {
    name: 'S01',
    parent_id: episodeId,
  });
  const shotId = addEntity(server, projectId, 'Shot', { name: 'P01', parent_id: sequenceId });
  const sceneId = addEntity(server, projectId, 'Scene', { name: 'SC01', parent_id: sequenceId });
  const task = (entityId: string, taskTypeId: string, assignees: string[] = []) =>
    insertRow(server, 'task', {
      name: 'main',
      project_id: projectId,
      entity_id: entityId,
      task_type_id: taskTypeId,
      task_status_id: todoId(server),
      assignees,
    });
  return {
    projectId,
    manager,
    artist,
    assetTypeId,
    assetId,
    episodeId,
    sequenceId,
    shotId,
    sceneId,
    shadersId,
    animationId,
    departmentId,
    assetTaskId: task(assetId, shadersId, [artist.id]),
    shotTaskId: task(shotId, animationId),
    sceneTaskId: task(sceneId, animationId),
  };
}

/** An output type of that name (got or created). */
export function outputTypeId(server: CrudTestServer, name: string): string {
  return getOrInsert(server, 'output_type', { name, short_name: name.slice(0, 3).toLowerCase() });
}

export function softwareId(server: CrudTestServer, name: string, shortName: string): string {
  return getOrInsert(server, 'software', {
    name,
    short_name: shortName,
    file_extension: `.${shortName}`,
  });
}

export function rowCount(server: CrudTestServer, sql: string, ...params: unknown[]): number {
  return (
    server.context.db.prepare(`SELECT COUNT(*) AS n FROM (${sql})`).get(...params) as {
      n: number;
    }
  ).n;
}
