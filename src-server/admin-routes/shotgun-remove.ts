import type { CrudCall } from '../crud/crud-call';
import { deleteModelRow } from '../crud/rows';
import { badRequest, crudErrorFromSqlite } from '../http/errors';
import { entityByShotgunId, entityModel, entityTypeIdNamed } from './shotgun-entities';
import { optionalField } from './shotgun-import';

/**
 * `ImportRemoveShotgunEpisodeResource`: deletes the episode holding the ShotGrid id. A delete
 * refused by the rows still pointing at it is no error: `success` is false.
 */
export function removeShotgunEpisode(
  call: CrudCall,
  body: unknown,
): { removed_instance_id?: string; success: boolean } {
  const shotgunId = optionalField(body, 'id');
  if (shotgunId === null) throw badRequest('Your data is not properly formatted.');
  return call.write(() => {
    const episode = entityByShotgunId(call, entityTypeIdNamed(call, 'Episode'), shotgunId);
    if (!episode) return { success: true };
    try {
      call.db.transaction(() => deleteModelRow(call.db, entityModel, episode.id))();
    } catch (error) {
      if (!crudErrorFromSqlite(error)) throw error;
      call.request.log.error(
        { err: error },
        `An error occured while deleting model ${String(shotgunId)}.`,
      );
      return { removed_instance_id: episode.id, success: false };
    }
    return { removed_instance_id: episode.id, success: true };
  });
}
