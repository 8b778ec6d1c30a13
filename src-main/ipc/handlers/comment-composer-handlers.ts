import type { MentionCandidate, SettableTaskStatus } from '../../../src-shared/task-comment';
import type { KitsuClient } from '../../kitsu/kitsu-client';
import { PerClientCache } from '../../kitsu/per-client-cache';
import { listMentionable, taskProjectId } from '../../tasks/mentionable';
import { postTaskComment } from '../../tasks/post-task-comment';
import { listSettableStatuses } from '../../tasks/task-comments';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type ComposerChannel = 'tasks:post-comment' | 'tasks:list-statuses' | 'tasks:list-mentionable';

/** Writing a comment: the statuses one may set, `@` mentions, posting with checklist and files. */
export function commentComposerHandlers(services: HandlerServices): HandlerGroup<ComposerChannel> {
  const { session, grantedFiles } = services;
  // Statuses come from /data/user/context once per session.
  const statuses = new PerClientCache<SettableTaskStatus[]>();
  // A task never changes project; a team changes seldom enough for a session.
  const projects = new PerClientCache<string>();
  const mentionable = new PerClientCache<MentionCandidate[]>();

  const settableStatuses = async (): Promise<SettableTaskStatus[]> => {
    const client = await session.client();
    return statuses.get(client, 'all', async () => {
      const state = await session.state();
      const role = state.status === 'logged-in' ? state.user.role : 'user';
      return listSettableStatuses(client, role);
    });
  };
  const mentionableFor = async (client: KitsuClient, taskId: string) => {
    const projectId = await projects.get(client, taskId, () => taskProjectId(client, taskId));
    return mentionable.get(client, projectId, () => listMentionable(client, projectId));
  };

  return {
    'tasks:post-comment': async (input) => {
      const client = await session.client();
      // Names for the mentions the answer lists by id, when there may be some.
      const people = input.text.includes('@')
        ? await mentionableFor(client, input.taskId).catch(() => [])
        : [];
      const names = new Map(people.map((candidate) => [candidate.id, candidate.name]));
      const comment = await postTaskComment(
        client,
        grantedFiles,
        input,
        (id) => names.get(id) ?? null,
      );
      services.onCacheChanged?.(['task', 'comment'], [input.taskId]);
      return comment;
    },
    'tasks:list-statuses': () => settableStatuses(),
    'tasks:list-mentionable': async ({ taskId }) => mentionableFor(await session.client(), taskId),
  };
}
