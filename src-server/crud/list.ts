import type { Json, Row } from '../models/serialize';
import type { CrudCall } from './crud-call';
import { buildFilters } from './filters';
import type { CrudHooks } from './hooks/types';
import {
  PAGE_ORDER,
  pageEnvelope,
  pageWindow,
  readPageRequest,
  type PageEnvelope,
} from './pagination';
import { pickFields, serializeRows } from './present';
import { boolParam, hasQuery } from './query-params';
import { and, prepareCached, quoteId, type SqlCondition } from './sql';

/** GET /data/<slug> (`BaseModelsResource.get`). */
export function listInstances(call: CrudCall, hooks: CrudHooks): Json[] | PageEnvelope<Json> {
  const { query } = call;
  if (!hasQuery(query)) {
    hooks.checkListRead(call, null);
    const rows = selectRows(call, hooks, hooks.listScope?.(call) ?? [], null);
    return present(call, hooks, rows, hooks.listRelationsByDefault ?? false);
  }

  hooks.checkListRead(call, query);

  const conditions = [
    ...buildFilters(
      {
        model: call.model,
        filterable: hooks.filterable?.(call) ?? null,
        virtualColumns: hooks.virtualColumns,
      },
      query,
    ),
    ...(hooks.extraFilters?.(call, query) ?? []),
    ...(hooks.listScope?.(call) ?? []),
  ];
  const pageRequest = readPageRequest(query);
  const relations = boolParam(query, 'relations');
  const fieldNames = query.fields ? query.fields.split(',').map((name) => name.trim()) : null;
  const pick = (entries: Json[]): Json[] =>
    fieldNames ? pickFields(entries, fieldNames) : entries;

  if (!pageRequest)
    return pick(present(call, hooks, selectRows(call, hooks, conditions, null), relations));

  const where = and(conditions);
  const { total } = prepareCached(
    call.db,
    `SELECT COUNT(*) AS total FROM ${quoteId(call.model.table)} t WHERE ${where.sql}`,
  ).get(...where.params) as { total: number };
  const window = pageWindow(pageRequest, total);
  let data: Json[] = [];
  if (window.hasRows) {
    const limit = Math.min(pageRequest.limit, hooks.listCap ?? Number.MAX_SAFE_INTEGER);
    const rows = selectRows(call, hooks, conditions, { limit, offset: window.offset });
    data = pick(present(call, hooks, rows, relations));
  }
  return pageEnvelope(pageRequest, total, data);
}

function selectRows(
  call: CrudCall,
  hooks: CrudHooks,
  conditions: SqlCondition[],
  page: { limit: number; offset: number } | null,
): Row[] {
  const where = and(conditions);
  const table = quoteId(call.model.table);
  if (page) {
    return prepareCached(
      call.db,
      `SELECT t.* FROM ${table} t WHERE ${where.sql} ORDER BY ${PAGE_ORDER} LIMIT ? OFFSET ?`,
    ).all(...where.params, page.limit, page.offset) as Row[];
  }
  const cap = hooks.listCap === undefined ? '' : ` LIMIT ${hooks.listCap}`;
  return prepareCached(
    call.db,
    `SELECT t.* FROM ${table} t WHERE ${where.sql} ORDER BY t.rowid${cap}`,
  ).all(...where.params) as Row[];
}

function present(call: CrudCall, hooks: CrudHooks, rows: Row[], relations: boolean): Json[] {
  if (hooks.presentList) return hooks.presentList(call, rows, relations);
  return serializeRows(call.db, call.model, rows, relations);
}
