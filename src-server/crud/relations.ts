import { prepareCached, quoteId } from './sql';
import type { CrudCall } from './crud-call';

/** The ids of one collection of one row. */
export function readRelationIds(call: CrudCall, key: string, id: string): string[] {
  const relation = call.model.relations.find((candidate) => candidate.key === key);
  if (!relation) return [];
  const rows = prepareCached(
    call.db,
    `SELECT ${quoteId(relation.otherColumn)} AS other FROM ${quoteId(relation.linkTable)}
     WHERE ${quoteId(relation.ownColumn)} = ?`,
  ).all(id) as { other: string }[];
  return rows.map((row) => row.other);
}
