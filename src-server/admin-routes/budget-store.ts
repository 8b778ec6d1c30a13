import type { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { insertModelRow, updateModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { badRequest, notFound } from '../http/errors';
import { serializeRow, type Json, type Row } from '../models/serialize';

export const budgetModel = modelOf('budget');
export const budgetEntryModel = modelOf('budget_entry');

const BUDGET_PRESENTED = ['id', 'project_id', 'revision', 'name', 'currency'];
const ENTRY_PRESENTED = [
  'id',
  'budget_id',
  'department_id',
  'person_id',
  'start_date',
  'months_duration',
  'daily_salary',
  'position',
  'seniority',
  'exceptions',
];

/** A model's `present()`: the named keys only, no timestamps and no `type`. */
function present(row: Row, keys: readonly string[], model = budgetEntryModel): Json {
  const serialized = serializeRow(model, row);
  return Object.fromEntries(keys.map((key) => [key, serialized[key] ?? null]));
}

export function listBudgets(db: Db, projectId: string): Json[] {
  const rows = prepareCached(db, 'SELECT * FROM budget WHERE project_id = ? ORDER BY rowid').all(
    projectId,
  ) as Row[];
  return rows.map((row) => present(row, BUDGET_PRESENTED, budgetModel));
}

/** `create_budget`: the next revision of the project's budgets. */
export function createBudget(
  call: CrudCall,
  projectId: string,
  name: string,
  currency: string | null,
): Json {
  return call.write(() => {
    const last = prepareCached(
      call.db,
      'SELECT MAX(revision) AS revision FROM budget WHERE project_id = ?',
    ).get(projectId) as { revision: number | null };
    const id = insertModelRow(call.db, budgetModel, {
      project_id: projectId,
      name,
      currency,
      revision: (last.revision ?? 0) + 1,
    });
    call.emit('budget:create', { budget_id: id }, projectId);
    return serializeRow(budgetModel, fetch(call.db, 'budget', id));
  });
}

function fetch(db: Db, table: 'budget' | 'budget_entry', id: string): Row {
  return prepareCached(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row;
}

/**
 * The budget, which must belong to the project of the URL: Zou checks that on reads only;
 * here a budget of another project is a 404 on every route.
 */
export function requireBudget(db: Db, projectId: string, budgetId: string): Row {
  const row = prepareCached(db, 'SELECT * FROM budget WHERE id = ?').get(budgetId) as
    Row | undefined;
  if (!row || row.project_id !== projectId) throw notFound();
  return row;
}

export function serializeBudget(row: Row): Json {
  return serializeRow(budgetModel, row);
}

export function updateBudget(
  call: CrudCall,
  budget: Row,
  name: string | null,
  currency: string | null,
): Json {
  const id = String(budget.id);
  return call.write(() => {
    const data: Record<string, unknown> = {};
    if (name !== null) data.name = name;
    if (currency !== null) data.currency = currency;
    updateModelRow(call.db, budgetModel, id, data);
    call.emit('budget:update', { budget_id: id }, String(budget.project_id));
    return serializeRow(budgetModel, fetch(call.db, 'budget', id));
  });
}

export function deleteBudget(call: CrudCall, budget: Row): void {
  const id = String(budget.id);
  call.write(() => {
    prepareCached(call.db, 'DELETE FROM budget_entry WHERE budget_id = ?').run(id);
    prepareCached(call.db, 'DELETE FROM budget WHERE id = ?').run(id);
    call.emit('budget:delete', { budget_id: id }, String(budget.project_id));
  });
}

export function listEntries(db: Db, budgetId: string): Json[] {
  const rows = prepareCached(
    db,
    'SELECT * FROM budget_entry WHERE budget_id = ? ORDER BY rowid',
  ).all(budgetId) as Row[];
  return rows.map((row) => present(row, ENTRY_PRESENTED));
}

export function requireEntry(db: Db, budgetId: string, entryId: string): Row {
  const row = prepareCached(db, 'SELECT * FROM budget_entry WHERE id = ?').get(entryId) as
    Row | undefined;
  if (!row || row.budget_id !== budgetId) throw notFound();
  return row;
}

export function serializeEntry(row: Row): Json {
  return serializeRow(budgetEntryModel, row);
}

/** `create_budget_entry`: the schema's values as given (absent ones null), no exceptions yet. */
export function createEntry(call: CrudCall, budget: Row, values: Record<string, unknown>): Json {
  const budgetId = String(budget.id);
  return call.write(() => {
    const id = insertModelRow(call.db, budgetEntryModel, {
      budget_id: budgetId,
      department_id: values.department_id,
      person_id: values.person_id,
      start_date: values.start_date,
      months_duration: values.months_duration,
      daily_salary: values.daily_salary,
      position: values.position,
      seniority: values.seniority,
      exceptions: {},
    });
    call.emit(
      'budget-entry:create',
      { budget_id: budgetId, budget_entry_id: id },
      String(budget.project_id),
    );
    return serializeRow(budgetEntryModel, fetch(call.db, 'budget_entry', id));
  });
}

/** Columns an entry cannot hold null in: an explicit null there keeps the stored value. */
const NOT_NULL_ENTRY_COLUMNS = new Set([
  'department_id',
  'start_date',
  'months_duration',
  'daily_salary',
]);

/**
 * `update_budget_entry`: the keys the request carried (Zou dumps every schema field, nulls
 * included, which fails on the required columns); exceptions are cleaned of empty months.
 */
export function updateEntry(
  call: CrudCall,
  budget: Row,
  entry: Row,
  values: Record<string, unknown>,
  given: ReadonlySet<string>,
): Json {
  const id = String(entry.id);
  const data: Record<string, unknown> = {};
  for (const key of given) {
    const value = values[key];
    if (value === null && NOT_NULL_ENTRY_COLUMNS.has(key)) continue;
    data[key] = key === 'exceptions' ? cleanExceptions(value) : value;
  }
  return call.write(() => {
    updateModelRow(call.db, budgetEntryModel, id, data);
    call.emit(
      'budget-entry:update',
      { budget_id: String(budget.id), budget_entry_id: id },
      String(budget.project_id),
    );
    return serializeRow(budgetEntryModel, fetch(call.db, 'budget_entry', id));
  });
}

export function deleteEntry(call: CrudCall, budget: Row, entry: Row): void {
  const id = String(entry.id);
  call.write(() => {
    prepareCached(call.db, 'DELETE FROM budget_entry WHERE id = ?').run(id);
    call.emit(
      'budget-entry:delete',
      { budget_id: String(budget.id), budget_entry_id: id },
      String(budget.project_id),
    );
  });
}

/** `_clean_exceptions`: months mapped to whole amounts, zero or empty ones dropped. */
function cleanExceptions(value: unknown): Record<string, number> {
  if (value === null || value === undefined) return {};
  const cleaned: Record<string, number> = {};
  for (const [month, amount] of Object.entries(value as Record<string, unknown>)) {
    if (amount === null) continue;
    const whole = pythonInt(amount);
    if (whole === null) throw badRequest(`Invalid exception amount for ${month}.`);
    if (whole > 0) cleaned[month] = whole;
  }
  return cleaned;
}

/** Python's int() of a JSON value: numbers truncate, strings must spell an integer. */
function pythonInt(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) {
    return Number.parseInt(value, 10);
  }
  return null;
}
