import { asRow } from '../../tasks/task-comment-row';
import { listTaskComments } from '../../tasks/task-comments';
import { parseFps, previewRevisions, projectFps } from '../../tasks/task-previews';
import type { HandlerGroup, HandlerServices } from '../handler-group';

/** A task's previews for the player: its thread's, by revision, with the project's fps. */
export function previewHandlers(services: HandlerServices): HandlerGroup<'previews:list'> {
  const { session } = services;
  return {
    'previews:list': async ({ taskId, projectId }) => {
      const client = await session.client();
      const cache = services.offline.sync.for(client);
      const [comments, fps] = cache
        ? await Promise.all([
            cache.comments(taskId),
            cache.contextEntry('projects').then((projects) => projectFps(projects, projectId)),
          ])
        : await Promise.all([
            listTaskComments(client, taskId),
            client
              .get<unknown>(`/data/projects/${encodeURIComponent(projectId)}`)
              .then((project) => parseFps(asRow(project).fps)),
          ]);
      return { fps, revisions: previewRevisions(comments) };
    },
  };
}
