import type { CrudCall } from '../crud/crud-call';
import { prepareCached } from '../crud/sql';
import { nowDateTime } from '../db/time';
import { projectModel } from './admin-call';
import { field, type Imported, type ShotgunImporter } from './shotgun-import';

interface ConnectionData {
  shotgun_id: unknown;
  project_shotgun_id: unknown;
  person_shotgun_id: unknown;
}

/**
 * `ImportShotgunProjectConnectionsResource`: a ShotGrid project-user connection puts the person
 * in the project's team; the entry answers the project. Zou forgets to store the connection's
 * id on the team link (a re-import then fails on the duplicate) and crashes on a known one;
 * here the link keeps the id, so re-imports find it and leave the team as is.
 */
export const shotgunProjectConnections: ShotgunImporter<null, ConnectionData> = {
  prepare: () => null,

  extract(_state, entry) {
    return {
      shotgun_id: field(entry, 'id'),
      project_shotgun_id: field(field(entry, 'project'), 'id'),
      person_shotgun_id: field(field(entry, 'user'), 'id'),
    };
  },

  importEntry(call: CrudCall, _state, data): Imported | null {
    const known = prepareCached(
      call.db,
      'SELECT project_id FROM project_person_link WHERE shotgun_id = ?',
    ).get(data.shotgun_id) as { project_id: string } | undefined;
    if (known) return { model: projectModel, id: known.project_id };
    const project = prepareCached(call.db, 'SELECT id FROM project WHERE shotgun_id = ?').get(
      data.project_shotgun_id,
    ) as { id: string } | undefined;
    const person = prepareCached(call.db, 'SELECT id FROM person WHERE shotgun_id = ?').get(
      data.person_shotgun_id,
    ) as { id: string } | undefined;
    if (!project || !person) return null;
    prepareCached(
      call.db,
      `INSERT INTO project_person_link (project_id, person_id, shotgun_id) VALUES (?, ?, ?)
       ON CONFLICT (project_id, person_id) DO UPDATE SET shotgun_id = excluded.shotgun_id`,
    ).run(project.id, person.id, data.shotgun_id);
    prepareCached(call.db, 'UPDATE project SET updated_at = ? WHERE id = ?').run(
      nowDateTime(),
      project.id,
    );
    return { model: projectModel, id: project.id };
  },
};
