import type { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { serializeRows } from '../crud/present';
import { insertModelRow, updateModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { KitsuError } from '../http/errors';
import type { Json, Row } from '../models/serialize';
import { defaultFileStatusId } from './reference-rows';
import { isConstraintFailure } from './working-files';

// Output files of an entity (files_service): revisions and creation.

export const outputFileModel = modelOf('output_file');

export interface OutputKey {
  entityId: string;
  outputTypeId: string;
  taskTypeId: string;
  name: string;
}

/**
 * `get_next_output_file_revision` on an entity: the highest revision above 0 of (entity,
 * output type, task type, name) + 1, else 1. The representation plays no part.
 */
export function nextOutputRevision(db: Db, key: OutputKey): number {
  const row = prepareCached(
    db,
    `SELECT MAX(revision) AS revision FROM output_file
     WHERE output_type_id = ? AND task_type_id = ? AND name = ? AND revision > 0
       AND entity_id = ?`,
  ).get(key.outputTypeId, key.taskTypeId, key.name, key.entityId) as { revision: number | null };
  return row.revision === null ? 1 : row.revision + 1;
}

export interface NewOutputFile extends OutputKey {
  projectId: string;
  revision: number;
  workingFileId: string | null;
  personId: string;
  comment: string;
  representation: string;
  extension: string;
  nbElements: number;
  fileStatusId: string | null;
}

const ALREADY_EXISTS = 'The given output file already exists.';

/**
 * `create_new_output_revision` for an entity (no instance): revision below 1 means the next
 * one; the same (name, types, representation, revision) twice is refused.
 */
export function createOutputFile(call: CrudCall, file: NewOutputFile): Row {
  const { db } = call;
  const revision = file.revision < 1 ? nextOutputRevision(db, file) : file.revision;
  const existing = prepareCached(
    db,
    `SELECT 1 FROM output_file
     WHERE name = ? AND entity_id = ? AND asset_instance_id IS NULL AND output_type_id = ?
       AND task_type_id = ? AND temporal_entity_id IS NULL AND representation = ? AND revision = ?`,
  ).get(
    file.name,
    file.entityId,
    file.outputTypeId,
    file.taskTypeId,
    file.representation,
    revision,
  );
  if (existing) throw new KitsuError(400, { error: ALREADY_EXISTS });
  let id: string;
  try {
    id = insertModelRow(db, outputFileModel, {
      name: file.name,
      comment: file.comment,
      extension: file.extension,
      representation: file.representation,
      revision,
      entity_id: file.entityId,
      person_id: file.personId,
      source_file_id: file.workingFileId,
      output_type_id: file.outputTypeId,
      file_status_id: file.fileStatusId || defaultFileStatusId(db),
      task_type_id: file.taskTypeId,
      nb_elements: file.nbElements,
    });
  } catch (error) {
    if (isConstraintFailure(error)) throw new KitsuError(400, { error: ALREADY_EXISTS });
    throw error;
  }
  call.emit('output-file:new', { output_file_id: id }, file.projectId);
  return prepareCached(db, 'SELECT * FROM output_file WHERE id = ?').get(id) as Row;
}

/** Stores the rendered path and answers the file with its folder and name beside. */
export function withPath(
  call: CrudCall,
  outputFile: Row,
  path: { folder: string; fileName: string; sep: string; extension: string },
): Json {
  const id = String(outputFile.id);
  updateModelRow(call.db, outputFileModel, id, {
    path: `${path.folder}${path.sep}${path.fileName}${path.extension}`,
  });
  const row = prepareCached(call.db, 'SELECT * FROM output_file WHERE id = ?').get(id) as Row;
  const serialized = serializeRows(call.db, outputFileModel, [row], false)[0] as Json;
  return { ...serialized, folder_path: path.folder, file_name: path.fileName };
}
