import type {
  CommentPersonRef,
  MentionCandidate,
  SettableTaskStatus,
  TaskComment,
  TaskStatusRef,
} from '../../../src-shared/task-comment';
import { AppError } from '../../kitsu/app-error';
import type { KitsuClient } from '../../kitsu/kitsu-client';
import { PerClientCache } from '../../kitsu/per-client-cache';
import { postCommentThroughOutbox } from '../../sync/outbox-post-comment';
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
      // From the offline cache's context when it is open.
      const cache = services.sync?.for(client) ?? null;
      return cache ? cache.settableStatuses(role) : listSettableStatuses(client, role);
    });
  };
  const mentionableFor = async (client: KitsuClient, taskId: string) => {
    const projectId = await projects.get(client, taskId, () => taskProjectId(client, taskId));
    return mentionable.get(client, projectId, () => listMentionable(client, projectId));
  };
  /** What is known without asking the server (offline, a write must not wait on it). */
  const known = async <V>(value: Promise<V> | undefined, fallback: V): Promise<V> =>
    value ? value.catch(() => fallback) : fallback;
  const knownMentionable = async (client: KitsuClient, taskId: string) => {
    const projectId = await known(projects.peek(client, taskId), null);
    return projectId ? known(mentionable.peek(client, projectId), []) : [];
  };

  return {
    'tasks:post-comment': async ({ baseStatusId, ...input }) => {
      const client = await session.client();
      const outbox = services.outbox?.() ?? null;
      const online = outbox?.online() ?? true;
      // Names for the mentions the answer lists by id, when there may be some.
      const people = !input.text.includes('@')
        ? []
        : online
          ? await mentionableFor(client, input.taskId).catch(() => [])
          : await knownMentionable(client, input.taskId);
      const names = new Map(people.map((candidate) => [candidate.id, candidate.name]));
      const nameOf = (id: string) => names.get(id) ?? null;
      let comment: TaskComment;
      if (!outbox) {
        comment = await postTaskComment(client, grantedFiles, input, nameOf);
      } else {
        const state = await session.state();
        if (state.status !== 'logged-in') {
          throw new AppError('auth-expired', 'You are not logged in. Log in first.');
        }
        const allowed = online
          ? await settableStatuses().catch(() => [])
          : await known(statuses.peek(client, 'all'), []);
        const status: TaskStatusRef | null =
          allowed.find((candidate) => candidate.id === input.taskStatusId) ?? null;
        const mentions: CommentPersonRef[] = people
          .filter((person) => person.kind === 'person' && input.text.includes(`@${person.name}`))
          .map((person) => ({ id: person.id, fullName: person.name }));
        comment = await postCommentThroughOutbox(
          outbox,
          grantedFiles,
          input,
          {
            author: { id: state.user.id, fullName: state.user.fullName },
            status,
            mentions,
            taskLabel: null,
            knownStatusId: baseStatusId ?? null,
          },
          nameOf,
        );
      }
      services.onCacheChanged?.(['task', 'comment'], [input.taskId]);
      return comment;
    },
    'tasks:list-statuses': () => settableStatuses(),
    'tasks:list-mentionable': async ({ taskId }) => mentionableFor(await session.client(), taskId),
  };
}
