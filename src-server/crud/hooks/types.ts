import type { Json, Row } from '../../models/serialize';
import type { CrudCall } from '../crud-call';
import type { VirtualColumn } from '../filters';
import type { QueryParams } from '../query-params';
import type { Data } from '../rows';
import type { SqlCondition } from '../sql';

/**
 * Zou's per-resource overrides of the generic CRUD (`blueprints/crud/*.py`), as one object per
 * model. Checks throw (403 via Access, 400 via KitsuError); the optional steps default to the
 * generic behaviour in list.ts, get-one.ts, create.ts, update.ts and remove.ts.
 */
export interface CrudHooks {
  // GET /data/<slug>
  /** `check_read_permissions(options)`; options is null without a query string. */
  checkListRead(call: CrudCall, options: QueryParams | null): void;
  /** Attributes the caller may filter on; null (the default) means all of them. */
  filterable?(call: CrudCall): ReadonlySet<string> | null;
  virtualColumns?: Readonly<Record<string, VirtualColumn>>;
  /** Filters read from keys that are not attributes (`episode_id` on tasks…). */
  extraFilters?(call: CrudCall, options: QueryParams): SqlCondition[];
  /** `add_project_permission_filter`, over the row alias `t`. */
  listScope?(call: CrudCall): SqlCondition[];
  /** Relations served by a list without query string (metadata descriptors say true). */
  listRelationsByDefault?: boolean;
  /** Most rows a list returns (events: 1000). */
  listCap?: number;
  presentList?(call: CrudCall, rows: Row[], relations: boolean): Json[];

  // GET /data/<slug>/<id>
  /** A malformed id answers 404 rather than "Malformed ID." (routes reading through a service). */
  malformedIdNotFound?: boolean;
  presentOne?(call: CrudCall, row: Row, relations: boolean): Json;
  checkRead(call: CrudCall, instance: Json): void;
  cleanGetResult?(call: CrudCall, instance: Json): Json;

  // POST /data/<slug>
  /** Replaces the whole generic create (`POST /data/tasks`). */
  create?(call: CrudCall): Promise<Json>;
  checkCreate(call: CrudCall, data: Data): void;
  /** Async preparation outside the transaction (password hashing). */
  prepareCreateAsync?(call: CrudCall, data: Data): Promise<void>;
  checkCreationIntegrity?(call: CrudCall, data: Data): void;
  /** `update_data` on create, after id/created_at/updated_at are stripped. */
  prepareCreate?(call: CrudCall, data: Data): void;
  /** `post_creation`: the 201 body. Default: serialize with relations. */
  afterCreate?(call: CrudCall, id: string, data: Data): Json;
  emitCreated?(call: CrudCall, created: Json): void;

  // PUT /data/<slug>/<id>
  /** Replaces the whole generic update (`PUT /data/entities/<id>`). */
  update?(call: CrudCall, id: string): Json;
  checkUpdate(call: CrudCall, current: Json, data: Data): void;
  preUpdate?(call: CrudCall, current: Json, data: Data): void;
  /** `update_data` on update, after protected keys are dropped and dates validated. */
  prepareUpdate?(call: CrudCall, data: Data, current: Json): void;
  /** `serialize_update_response`. Default: serialize without relations. */
  presentUpdated?(call: CrudCall, id: string): Json;
  afterUpdate?(call: CrudCall, current: Json, data: Data, updated: Json): void;
  emitUpdated?(call: CrudCall, updated: Json): void;

  // DELETE /data/<slug>/<id>
  /** Replaces the whole generic delete (projects, persons, tasks, comments…). */
  remove?(call: CrudCall, id: string): void;
  checkDelete(call: CrudCall, instance: Json): void;
  preDelete?(call: CrudCall, instance: Json): void;
  emitDeleted?(call: CrudCall, instance: Json): void;
  postDelete?(call: CrudCall, instance: Json): void;
}

export type PartialHooks = Partial<CrudHooks>;
