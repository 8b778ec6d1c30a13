import type { Db } from '../../db/database';
import { prepareCached } from '../sql';

/** What a playlist owns: its notifications, build jobs and share links (`pre_delete`). */
export function clearPlaylistDependents(db: Db, playlistId: string): void {
  prepareCached(db, 'DELETE FROM notification WHERE playlist_id = ?').run(playlistId);
  prepareCached(db, 'DELETE FROM build_job WHERE playlist_id = ?').run(playlistId);
  prepareCached(db, 'DELETE FROM playlist_share_link WHERE playlist_id = ?').run(playlistId);
}
