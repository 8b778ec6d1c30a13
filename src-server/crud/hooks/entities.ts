import { crudError } from '../../http/errors';
import { entityKindOf } from '../entity-kind';
import { inJsonList, prepareCached } from '../sql';
import { defineHooks } from './define';
import { checkEntityStatus, emitEntityEvent, presentEntities } from './entity-presenters';
import { updateEntity } from './entity-update';

/** Entities (REFERENCE §3): assets, shots, sequences… of the caller's open projects. */
export const entityHooks = defineHooks({
  checkListRead: () => {},
  listScope(call) {
    const { access } = call;
    if (access.isAdmin) return [];
    const scope = [inJsonList('t.project_id', access.relatedProjectIds())];
    if (access.isVendor()) {
      scope.push({
        sql: `EXISTS (SELECT 1 FROM task k JOIN task_person_link a ON a.task_id = k.id
          WHERE k.entity_id = t.id AND a.person_id = ?)`,
        params: [access.personId],
      });
    }
    return scope;
  },
  presentList: presentEntities,

  presentOne: (call, row, relations) => presentEntities(call, [row], relations)[0]!,
  checkRead(call, entity) {
    call.access.requireProjectAccess(String(entity.project_id));
    call.access.requireEntityAccess(String(entity.id), String(entity.project_id));
  },

  checkCreate(call, data) {
    // Zou reads data["project_id"]: a missing key is a KeyError, answered as its repr.
    if (!('project_id' in data)) throw crudError("'project_id'");
    call.access.requireManagerProjectAccess(String(data.project_id));
  },
  checkCreationIntegrity: (_call, data) => checkEntityStatus(data),
  prepareCreate(call, data) {
    data.created_by = call.personId;
  },
  emitCreated: (call, created) => emitEntityEvent(call, 'new', created),

  update: updateEntity,

  checkDelete(call, entity) {
    if (entity.created_by === call.personId) return;
    call.access.requireManagerProjectAccess(String(entity.project_id));
  },
  preDelete(call, entity) {
    const id = String(entity.id);
    if (entityKindOf(call.db, entity.entity_type_id) === 'Sequence') {
      prepareCached(call.db, 'DELETE FROM subscription WHERE entity_id = ?').run(id);
    }
    prepareCached(
      call.db,
      'DELETE FROM entity_link WHERE entity_in_id = ? OR entity_out_id = ?',
    ).run(id, id);
    prepareCached(
      call.db,
      'DELETE FROM entity_concept_link WHERE entity_in_id = ? OR entity_out_id = ?',
    ).run(id, id);
  },
  emitDeleted: (call, entity) => emitEntityEvent(call, 'delete', entity),
});
