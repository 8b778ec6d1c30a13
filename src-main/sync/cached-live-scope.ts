import type { CacheDb } from '../cache/cache-db';
import { taskOfCachedComment } from '../cache/comment-store';
import { readContextEntry } from '../cache/context-store';
import type { LiveScope } from '../live/event-tables';

/** The live scope the offline cache knows: the context's projects, the threads read. */
export function cachedLiveScope(db: CacheDb): LiveScope {
  return {
    followsProject(projectId) {
      const projects = readContextEntry(db, 'projects');
      if (!Array.isArray(projects)) return true;
      return projects.some((project) => (project as { id?: unknown } | null)?.id === projectId);
    },
    taskOfComment: (commentId) => taskOfCachedComment(db, commentId),
  };
}
