import type { Access } from '../permissions/access';
import { buildFilters } from '../crud/filters';
import type { QueryParams } from '../crud/query-params';
import type { SqlCondition } from '../crud/sql';
import { TEMPORAL_KINDS } from '../crud/entity-kind';
import { entityModel } from './call';

// SQL fragments over the entity alias `t`, as Zou's entity services build their queries.

/** `apply_criterions_to_db_query(Entity, …)`: every query key naming an entity attribute. */
export function entityCriteria(query: QueryParams): SqlCondition[] {
  return buildFilters({ model: entityModel, filterable: null }, query);
}

/** `build_asset_type_filter`: entities whose type is not a temporal one. */
export const IS_ASSET: SqlCondition = {
  sql: `t.entity_type_id NOT IN (SELECT id FROM entity_type
    WHERE name IN (${TEMPORAL_KINDS.map(() => '?').join(', ')}))`,
  params: [...TEMPORAL_KINDS],
};

/** Entities of the temporal type with that name. */
export function isKind(kind: string): SqlCondition {
  return {
    sql: 't.entity_type_id IN (SELECT id FROM entity_type WHERE name = ?)',
    params: [kind],
  };
}

/** `build_assignee_filter` on the entity's tasks: the caller holds a task on it. */
export function assignedToCaller(access: Access): SqlCondition {
  return {
    sql: `EXISTS (SELECT 1 FROM task k JOIN task_person_link a ON a.task_id = k.id
      WHERE k.entity_id = t.id AND a.person_id = ?)`,
    params: [access.personId],
  };
}

/** `build_team_exists_filter(Entity.project_id)`: the caller is in the entity's project team. */
export function inCallerTeams(access: Access): SqlCondition {
  return {
    sql: `EXISTS (SELECT 1 FROM project_person_link l
      WHERE l.project_id = t.project_id AND l.person_id = ?)`,
    params: [access.personId],
  };
}
