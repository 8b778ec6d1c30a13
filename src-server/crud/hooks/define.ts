import type { CrudCall } from '../crud-call';
import type { CrudHooks, PartialHooks } from './types';

const requireAdmin = (call: CrudCall): void => call.access.requireAdmin();

/** Zou's BaseModel(s)Resource: every check requires admin. */
export const ADMIN_ONLY: CrudHooks = {
  checkListRead: requireAdmin,
  checkRead: requireAdmin,
  checkCreate: requireAdmin,
  checkUpdate: requireAdmin,
  checkDelete: requireAdmin,
};

/** A model's hooks over the admin-only defaults. */
export function defineHooks(hooks: PartialHooks): CrudHooks {
  return { ...ADMIN_ONLY, ...hooks };
}

/** Reference tables: anyone reads, admins write. */
export const ANYONE_READS: PartialHooks = {
  checkListRead: () => {},
  checkRead: () => {},
};
