import type {
  AssetInstanceFacts,
  EntityFacts,
  FileTreeFacts,
  TokenSource,
} from '../../src-shared/file-tree';
import type { CrudCall } from '../crud/crud-call';
import { entityKindOf } from '../crud/entity-kind';
import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import type { Row } from '../models/serialize';
import type { EntityRecord } from '../production/lookup';
import {
  getOrCreateOutputType,
  getOrCreateSoftware,
  TOKEN_DEFAULT_OUTPUT_TYPE,
  TOKEN_DEFAULT_SOFTWARE,
} from './reference-rows';

// The facts the file-tree engine renders from, read from SQL: the entity with its type and
// parents, the project, the task type and its department, the software and output type.

/** Kinds whose tokens walk up to a parent: a shot's or scene's sequence, a sequence's episode. */
const HAS_TREE_PARENT = new Set(['Shot', 'Scene', 'Sequence']);

export interface FactsInput {
  entity: EntityRecord;
  task?: Row | null;
  /** The task type an output names; a working file's comes from its task. */
  taskTypeId?: string | null;
  software?: Row | null;
  outputType?: Row | null;
  assetInstance?: { row: Row; asset: EntityRecord } | null;
  name: string;
  representation?: string;
  revision: number;
}

function source(row: Row): TokenSource {
  return { ...row, id: String(row.id), name: String(row.name) };
}

function rowOf(db: Db, table: string, id: unknown): Row | null {
  if (id === null || id === undefined) return null;
  return (prepareCached(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row) ?? null;
}

/** An entity as Kitsu serializes it, `type` being its kind, with its type and parents. */
function entityFacts(db: Db, row: Row, kind: string, depth = 0): EntityFacts {
  const entityType = rowOf(db, 'entity_type', row.entity_type_id);
  const facts: EntityFacts = {
    ...source(row),
    type: kind,
    entity_type: entityType ? source(entityType) : { id: '', name: '' },
    parent: null,
  };
  // Two levels reach a shot's episode; a cycle in bad data stops there too.
  if (HAS_TREE_PARENT.has(kind) && depth < 2) {
    const parent = rowOf(db, 'entity', row.parent_id);
    if (parent)
      facts.parent = entityFacts(db, parent, entityKindOf(db, parent.entity_type_id), depth + 1);
  }
  return facts;
}

function taskTypeFacts(
  db: Db,
  input: FactsInput,
): { taskType: Row | null; department: Row | null } {
  const taskTypeId = input.taskTypeId ?? input.task?.task_type_id ?? null;
  const taskType = rowOf(db, 'task_type', taskTypeId);
  const department = taskType ? rowOf(db, 'department', taskType.department_id) : null;
  return { taskType, department };
}

function instanceFacts(db: Db, input: FactsInput): AssetInstanceFacts | null {
  if (!input.assetInstance) return null;
  const { row, asset } = input.assetInstance;
  return {
    id: String(row.id),
    name: (row.name as string | null) ?? null,
    number: (row.number as number | null) ?? null,
    target_asset_id: (row.target_asset_id as string | null) ?? null,
    asset: entityFacts(db, asset.row, asset.kind),
  };
}

/** Everything a template of the project may read for this file. */
export function gatherFileFacts(call: CrudCall, input: FactsInput): FileTreeFacts {
  const { db } = call;
  const project = rowOf(db, 'project', input.entity.projectId);
  const { taskType, department } = taskTypeFacts(db, input);
  return {
    project: project ? source(project) : { id: input.entity.projectId, name: '' },
    entity: entityFacts(db, input.entity.row, input.entity.kind),
    task: input.task ? source(input.task) : null,
    task_type: taskType ? source(taskType) : null,
    department: department ? source(department) : null,
    software: input.software ? source(input.software) : null,
    output_type: input.outputType ? source(input.outputType) : null,
    asset_instance: instanceFacts(db, input),
    name: input.name,
    representation: input.representation ?? '',
    revision: input.revision,
    fallbacks: {
      software: () => source(getOrCreateSoftware(call, TOKEN_DEFAULT_SOFTWARE)),
      outputType: () => source(getOrCreateOutputType(call, TOKEN_DEFAULT_OUTPUT_TYPE)),
    },
  };
}

/** The project's stored `file_tree` (null until one is set). */
export function projectFileTree(db: Db, projectId: string): unknown {
  const row = prepareCached(db, 'SELECT file_tree FROM project WHERE id = ?').get(projectId) as
    { file_tree: string | null } | undefined;
  if (!row?.file_tree) return null;
  try {
    return JSON.parse(row.file_tree) as unknown;
  } catch {
    return null;
  }
}
