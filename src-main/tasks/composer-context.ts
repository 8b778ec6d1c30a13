import { isMentioned } from '../../src-shared/mentions';
import type {
  CommentPersonRef,
  MentionCandidate,
  SettableTaskStatus,
  TaskStatusRef,
} from '../../src-shared/task-comment';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { PerClientCache } from '../kitsu/per-client-cache';
import type { SessionService } from '../session/session-service';
import type { SyncService } from '../sync/sync-service';
import type { CommentWriteContext } from '../sync/outbox-comment-write';
import { listMentionable, taskProjectId } from './mentionable';
import { asRow } from './task-comment-row';
import { listSettableStatuses } from './task-comments';

/**
 * What writing on a task needs besides the words (comments and publishes alike): the statuses
 * the person may set, the people to mention, and what a write in the outbox shows meanwhile.
 * Read once per session; offline, only what is known already, so that a write never waits.
 */
export class ComposerContext {
  // Statuses come from /data/user/context once per session and role.
  private readonly statuses = new PerClientCache<SettableTaskStatus[]>();
  // The context's project roles and projects, once per session.
  private readonly projectContext = new PerClientCache<Record<string, unknown>>();
  // A task never changes project; a team changes seldom enough for a session.
  private readonly projects = new PerClientCache<string>();
  private readonly mentionable = new PerClientCache<MentionCandidate[]>();

  constructor(
    private readonly services: { session: SessionService; offline: { sync: SyncService } },
  ) {}

  /**
   * The statuses the person may set on a project's tasks: Zou decides by their role on that
   * project (the context's `project_roles`), else by their studio role; and, as Kitsu's own
   * pages, only those the project uses when it names some (`task_statuses`).
   */
  async settableStatuses(projectId?: string): Promise<SettableTaskStatus[]> {
    const client = await this.services.session.client();
    const project = projectId ? await this.projectFacts(client, projectId) : null;
    const state = await this.services.session.state();
    const studioRole = state.status === 'logged-in' ? state.user.role : 'user';
    const statuses = await this.statusesFor(client, project?.role ?? studioRole);
    const used = project?.statusIds;
    return used && used.length > 0
      ? statuses.filter((status) => used.includes(status.id))
      : statuses;
  }

  private statusesFor(client: KitsuClient, role: string): Promise<SettableTaskStatus[]> {
    return this.statuses.get(client, role, () => {
      // From the offline cache's context when it is open.
      const cache = this.services.offline.sync.for(client);
      return cache ? cache.settableStatuses(role) : listSettableStatuses(client, role);
    });
  }

  /** The person's own role on a project, and the statuses it uses, from the context. */
  private async projectFacts(
    client: KitsuClient,
    projectId: string,
  ): Promise<{ role: string | null; statusIds: string[] | null }> {
    const context = await this.projectContext.get(client, 'all', async () => {
      const cache = this.services.offline.sync.for(client);
      if (cache) {
        return {
          project_roles: await cache.contextEntry('project_roles'),
          projects: await cache.contextEntry('projects'),
        };
      }
      return asRow(await client.get<unknown>('/data/user/context'));
    });
    const role = asRow(context.project_roles)[projectId];
    const projects = Array.isArray(context.projects) ? context.projects.map(asRow) : [];
    const statusIds = projects.find((project) => project.id === projectId)?.task_statuses;
    return {
      role: typeof role === 'string' && role !== '' ? role : null,
      statusIds: Array.isArray(statusIds)
        ? statusIds.filter((id): id is string => typeof id === 'string')
        : null,
    };
  }

  async mentionableFor(client: KitsuClient, taskId: string): Promise<MentionCandidate[]> {
    const projectId = await this.projects.get(client, taskId, () => taskProjectId(client, taskId));
    return this.mentionable.get(client, projectId, () => listMentionable(client, projectId));
  }

  /** The people a text may mention: asked online, what is known offline. */
  async peopleFor(
    client: KitsuClient,
    taskId: string,
    text: string,
    online: boolean,
  ): Promise<MentionCandidate[]> {
    if (!text.includes('@')) return [];
    if (online) return this.mentionableFor(client, taskId).catch(() => []);
    const projectId = await known(this.projects.peek(client, taskId), null);
    return projectId ? known(this.mentionable.peek(client, projectId), []) : [];
  }

  /** What a write of the logged-in person shows while it waits in the outbox. */
  async writeContext(
    client: KitsuClient,
    input: { taskStatusId: string; text: string },
    people: readonly MentionCandidate[],
    online: boolean,
    knownStatusId: string | null,
  ): Promise<CommentWriteContext> {
    const user = await this.services.session.user();
    // Only to show the status while the write waits: any status of the studio will do.
    const askable = online || this.services.offline.sync.for(client) !== null;
    const every = askable
      ? await this.statusesFor(client, EVERY_STATUS_ROLE).catch(() => [])
      : await known(this.statuses.peek(client, EVERY_STATUS_ROLE), []);
    const status: TaskStatusRef | null =
      every.find((candidate) => candidate.id === input.taskStatusId) ?? null;
    const mentions: CommentPersonRef[] = people
      .filter((person) => person.kind === 'person' && isMentioned(input.text, person.name))
      .map((person) => ({ id: person.id, fullName: person.name }));
    return {
      author: { id: user.id, fullName: user.fullName },
      status,
      mentions,
      taskLabel: null,
      knownStatusId,
    };
  }
}

/** A role that may set every status: the list of them all. */
const EVERY_STATUS_ROLE = 'admin';

/** What is known without asking the server (offline, a write must not wait on it). */
async function known<V>(value: Promise<V> | undefined, fallback: V): Promise<V> {
  return value ? value.catch(() => fallback) : fallback;
}
