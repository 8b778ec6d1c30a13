import type { CrudCall } from '../crud/crud-call';
import { insertModelRow, updateModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { demoFileTree } from '../seed/file-trees';
import { projectModel } from './admin-call';
import {
  customData,
  field,
  idMap,
  type Imported,
  type ShotgunImporter,
  type ShotgunRecord,
} from './shotgun-import';

interface ProjectData {
  project_status_id: string | null;
  name: unknown;
  shotgun_id: unknown;
  data: ShotgunRecord;
}

/**
 * `ImportShotgunProjectsResource`: the `sg_status` values become project statuses (created
 * when missing, black), the other `sg_*` fields the project's data. A new project gets the
 * default file tree.
 */
export const shotgunProjects: ShotgunImporter<Map<unknown, string>, ProjectData> = {
  prepare(call, entries) {
    const names = new Set(
      entries.map((entry) => entry.sg_status).filter((name) => typeof name === 'string'),
    );
    const find = prepareCached(call.db, 'SELECT 1 FROM project_status WHERE name = ?');
    const insert = prepareCached(
      call.db,
      `INSERT INTO project_status (id, created_at, updated_at, name, color)
       VALUES (?, ?, ?, ?, '#000000')`,
    );
    for (const name of names) {
      if (find.get(name) !== undefined) continue;
      const now = nowDateTime();
      insert.run(newId(), now, now, name);
    }
    return idMap(call, 'project_status', 'name');
  },

  extract(statusIds, entry) {
    return {
      project_status_id: statusIds.get(field(entry, 'sg_status')) ?? null,
      name: field(entry, 'name'),
      shotgun_id: field(entry, 'id'),
      data: customData(entry, ['sg_status']),
    };
  },

  importEntry(call: CrudCall, _state, data): Imported {
    const existing = prepareCached(call.db, 'SELECT id FROM project WHERE shotgun_id = ?').get(
      data.shotgun_id,
    ) as { id: string } | undefined;
    if (existing) {
      updateModelRow(call.db, projectModel, existing.id, { ...data });
      return { model: projectModel, id: existing.id };
    }
    const id = insertModelRow(call.db, projectModel, { ...data, file_tree: demoFileTree() });
    return { model: projectModel, id };
  },
};
