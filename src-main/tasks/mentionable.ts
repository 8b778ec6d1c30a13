import type { MentionCandidate } from '../../src-shared/task-comment';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { asRow, text, type Row } from './task-comment-row';

/** The project a task belongs to: `GET /data/tasks/{id}`. */
export async function taskProjectId(client: KitsuClient, taskId: string): Promise<string> {
  const task = asRow(await client.get<unknown>(`/data/tasks/${encodeURIComponent(taskId)}`));
  const projectId = text(task, 'project_id');
  if (projectId === null) throw new Error(`Task ${taskId} came without its project`);
  return projectId;
}

/**
 * Who a comment on the project may `@`-mention, as the server parses mentions (REFERENCE §6):
 * the project's team (`GET /data/projects/{id}/team`, which any team member may read) by full
 * name, people first, then the departments (`GET /data/departments`), each sorted by name.
 * Bots, inactive people and archived departments are left out.
 */
export async function listMentionable(
  client: KitsuClient,
  projectId: string,
): Promise<MentionCandidate[]> {
  const [team, departments] = await Promise.all([
    client.get<unknown>(`/data/projects/${encodeURIComponent(projectId)}/team`),
    client.get<unknown>('/data/departments'),
  ]);
  const people = rows(team)
    .filter((person) => person.is_bot !== true && person.active !== false)
    .flatMap((person): MentionCandidate[] => {
      const id = text(person, 'id');
      const name = fullName(person);
      return id && name ? [{ id, kind: 'person', name, color: null }] : [];
    });
  const groups = rows(departments)
    .filter((department) => department.archived !== true)
    .flatMap((department): MentionCandidate[] => {
      const id = text(department, 'id');
      const name = text(department, 'name');
      return id && name ? [{ id, kind: 'department', name, color: text(department, 'color') }] : [];
    });
  return [...byName(people), ...byName(groups)];
}

/** The server's `full_name`: "First Last", or whichever half there is. */
function fullName(person: Row): string {
  const given = text(person, 'full_name');
  if (given) return given;
  const first = text(person, 'first_name') ?? '';
  const last = text(person, 'last_name') ?? '';
  return first && last ? `${first} ${last}` : `${first}${last}`;
}

const rows = (body: unknown): Row[] => (Array.isArray(body) ? body.map(asRow) : []);

const byName = (candidates: MentionCandidate[]): MentionCandidate[] =>
  [...new Map(candidates.map((candidate) => [candidate.id, candidate])).values()].sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );
