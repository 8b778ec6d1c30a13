import type { Db } from '../db/database';
import type { ModelDef } from '../models/model-def';
import { modelByTable } from '../models/registry';
import { fromStored, loadRelations, serializeRow, type Json, type Row } from '../models/serialize';

// Zou's three person shapes (models/person.py). Every one carries the hybrid `full_name`,
// which `serialize()` picks up among the model's ORM descriptors.

function personModel(): ModelDef {
  const model = modelByTable('person');
  if (!model) throw new Error('The person model is missing from the registry');
  return model;
}

/** The hybrid `Person.full_name`. */
export function personFullName(row: Row): string {
  const first = String(row.first_name ?? '');
  const last = String(row.last_name ?? '');
  return first && last ? `${first} ${last}` : `${first}${last}`;
}

function departmentsById(db: Db, rows: readonly Row[]): Map<string, Record<string, string[]>> {
  return loadRelations(
    db,
    personModel(),
    rows.map((row) => String(row.id)),
  );
}

/**
 * `serialize_safe`: every column but SENSITIVE_FIELDS (password, 2FA secrets and codes, jti,
 * lockout state), `full_name`, and `departments` when relations are asked for.
 */
export function serializePersonsSafe(db: Db, rows: readonly Row[], relations: boolean): Json[] {
  const model = personModel();
  const relationsById = relations ? departmentsById(db, rows) : null;
  return rows.map((row) => ({
    ...serializeRow(model, row, relationsById?.get(String(row.id))),
    full_name: personFullName(row),
  }));
}

export function serializePersonSafe(db: Db, row: Row, relations: boolean): Json {
  return serializePersonsSafe(db, [row], relations)[0] as Json;
}

/** `present_minimal`: what everybody may see of a person; departments only with relations. */
export function presentPersonsMinimal(db: Db, rows: readonly Row[], relations: boolean): Json[] {
  const relationsById = relations ? departmentsById(db, rows) : null;
  return rows.map((row) => ({
    id: row.id,
    type: 'Person',
    first_name: row.first_name,
    last_name: row.last_name,
    full_name: personFullName(row),
    has_avatar: fromStored('bool', row.has_avatar),
    active: fromStored('bool', row.active),
    departments: relationsById?.get(String(row.id))?.departments ?? [],
    studio_id: row.studio_id ?? null,
    role: row.role,
    desktop_login: row.desktop_login ?? null,
    is_bot: fromStored('bool', row.is_bot),
  }));
}

export function presentPersonMinimal(db: Db, row: Row, relations: boolean): Json {
  return presentPersonsMinimal(db, [row], relations)[0] as Json;
}

/**
 * The `user` of a login answer: `check_auth` strips SENSITIVE_FIELDS from the unsafe,
 * relation-less serialization, then the login route appends `departments`.
 */
export function loginUserView(db: Db, row: Row): Json {
  const user = serializePersonSafe(db, row, false);
  user.departments = departmentsById(db, [row]).get(String(row.id))?.departments ?? [];
  return user;
}

/** `Person.fido_devices()`: the names of the registered FIDO devices. */
export function fidoDeviceNames(row: Row): string[] {
  const credentials = fromStored('json', row.fido_credentials);
  if (!Array.isArray(credentials)) return [];
  return credentials.map((credential) =>
    credential && typeof credential === 'object'
      ? ((credential as { device_name?: unknown }).device_name ?? null)
      : null,
  ) as string[];
}
