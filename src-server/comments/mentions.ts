import { isMentioned } from '../../src-shared/mentions';
import { personFullName } from '../auth/person-views';
import type { Db } from '../db/database';
import { inJsonList, prepareCached } from '../crud/sql';
import type { Row } from '../models/serialize';

export interface Mentions {
  mentions: string[];
  departmentMentions: string[];
}

/**
 * `get_comment_mentions` / `get_comment_department_mentions`: team members named as
 * `@First Last`, and departments (any of them, not only the project's) named as `@Name`.
 */
export function parseMentions(db: Db, projectId: string, text: string | null): Mentions {
  const body = text ?? '';
  if (!body.includes('@')) return { mentions: [], departmentMentions: [] };
  const team = prepareCached(
    db,
    `SELECT p.id, p.first_name, p.last_name FROM person p
     JOIN project_person_link l ON l.person_id = p.id WHERE l.project_id = ?`,
  ).all(projectId) as (Row & { id: string })[];
  const departments = prepareCached(db, 'SELECT id, name FROM department').all() as {
    id: string;
    name: string;
  }[];
  return {
    mentions: team.filter((person) => isMentioned(body, personFullName(person))).map((p) => p.id),
    departmentMentions: departments
      .filter((department) => isMentioned(body, department.name))
      .map((department) => department.id),
  };
}

/** `get_mentioned_people`: the persons named, plus the team members of the departments named. */
export function mentionedPeople(db: Db, projectId: string, mentions: Mentions): string[] {
  const people = new Set(mentions.mentions);
  if (mentions.departmentMentions.length > 0) {
    const departments = inJsonList('d.department_id', mentions.departmentMentions);
    const members = prepareCached(
      db,
      `SELECT DISTINCT d.person_id FROM department_link d
       JOIN project_person_link l ON l.person_id = d.person_id
       WHERE l.project_id = ? AND ${departments.sql}`,
    ).all(projectId, ...departments.params) as { person_id: string }[];
    for (const member of members) people.add(member.person_id);
  }
  return [...people];
}
