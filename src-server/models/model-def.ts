/**
 * Describes one Zou model as stored in SQLite and served by the generic `/data/<slug>` CRUD.
 * The SQL schema lives in the numbered migrations; `models.test.ts` checks both agree.
 */
export type ColumnType =
  | 'uuid' // TEXT, lowercase hyphenated
  | 'string' // TEXT (length limit in maxLength)
  | 'text' // TEXT, unlimited
  | 'int' // INTEGER
  | 'float' // REAL
  | 'bool' // INTEGER 0/1, served as true/false
  | 'json' // TEXT holding JSON, served parsed
  | 'date' // TEXT YYYY-MM-DD
  | 'datetime' // TEXT YYYY-MM-DDTHH:MM:SS
  | 'choice'; // TEXT, one of `choices`

export interface ColumnDef {
  type: ColumnType;
  /** Value used on create when the key is absent (a JS value; JSON columns hold objects/arrays). */
  default?: unknown;
  notNull?: boolean;
  choices?: readonly string[];
  maxLength?: number;
}

/** A many-to-many collection, served as a list of ids under `key` when relations are on. */
export interface RelationDef {
  key: string;
  linkTable: string;
  /** Link column holding this model's id. */
  ownColumn: string;
  /** Link column holding the related row's id. */
  otherColumn: string;
  /** Table of the related rows (unknown ids are dropped on write, as SQLAlchemy does). */
  otherTable: string;
}

export interface ModelDef {
  /** Serialized `type`, e.g. "Task". Entities override it per kind at serialization. */
  typeName: string;
  /** SQLite table, Zou's `__tablename__`. */
  table: string;
  /** URL slug under /data, e.g. "tasks", "task-status". */
  slug: string;
  /** Every column except id, created_at and updated_at. */
  columns: Record<string, ColumnDef>;
  relations: readonly RelationDef[];
  /** Event prefix: `<table with _ → ->`, e.g. "task-type" gives "task-type:new". */
  eventName: string;
  /** Keys silently dropped on PUT besides id, created_at, updated_at and project_id. */
  protectedKeys?: readonly string[];
  /** Columns never served (Person secrets). */
  sensitiveKeys?: readonly string[];
  /** Unique column sets, as the migration declares them (documentation and tests). */
  unique?: readonly (readonly string[])[];
}
