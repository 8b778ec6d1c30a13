import { badRequest, crudError, forbidden, notFound } from '../../http/errors';
import { loadTaskFacts } from '../../permissions/access';
import { newId } from '../../db/ids';
import { nowDateTime } from '../../db/time';
import type { CrudCall } from '../crud-call';
import { emitModelEvent } from '../events';
import { loadInstanceRow } from '../get-one';
import { serializeOne } from '../present';
import { deleteModelRow } from '../rows';
import { prepareCached } from '../sql';
import { defineHooks } from './define';

/** Custom actions: listed for everyone but vendors; a name is required. */
export const customActionHooks = defineHooks({
  checkListRead: (call) => call.access.blockVendor(),
  checkCreationIntegrity(_call, data) {
    if (data.name === undefined || data.name === null) {
      throw badRequest("The 'name' field is required and cannot be None.");
    }
  },
  preUpdate(_call, _current, data) {
    if ('name' in data && data.name === null) {
      throw badRequest("The 'name' field cannot be set to None.");
    }
  },
});

/** Status automations: listed for everyone but vendors; one used by a project stays. */
export const statusAutomationHooks = defineHooks({
  checkListRead: (call) => call.access.blockVendor(),
  remove(call: CrudCall, id) {
    call.write(() => {
      const automation = serializeOne(call.db, call.model, loadInstanceRow(call, id), false);
      const used = prepareCached(
        call.db,
        'SELECT 1 FROM project_status_automation_link WHERE status_automation_id = ? LIMIT 1',
      ).get(automation.id);
      if (used) throw crudError('This automation is used in a project.');
      call.access.requireAdmin();
      deleteModelRow(call.db, call.model, String(automation.id));
      emitModelEvent(call, 'delete', automation);
    });
  },
});

/** Project templates: managers read, admins write. */
export const projectTemplateHooks = defineHooks({
  checkListRead: (call) => call.access.requireManager(),
  checkRead: (call) => call.access.requireManager(),
});

/** Events: admin only, and at most 1000 rows. */
export const eventHooks = defineHooks({ listCap: 1000 });

/** Asset instances: admins, or readers of the asset for one instance. */
export const assetInstanceHooks = defineHooks({
  checkRead(call, instance) {
    if (call.access.isAdmin) return;
    requireAssetAccess(call, instance.asset_id);
  },
  checkUpdate(call, instance) {
    if (call.access.isAdmin) return;
    requireAssetAccess(call, instance.asset_id);
  },
});

function requireAssetAccess(call: CrudCall, assetId: unknown): void {
  const asset = prepareCached(call.db, 'SELECT id, project_id FROM entity WHERE id = ?').get(
    assetId,
  ) as { id: string; project_id: string } | undefined;
  if (!asset) throw notFound();
  call.access.requireProjectAccess(asset.project_id);
  call.access.requireEntityAccess(asset.id, asset.project_id);
}

const POSITIONS = ['supervisor', 'lead', 'artist'];
const SENIORITIES = ['senior', 'mid', 'junior'];

/** Every department gets a scale for each position and seniority (`SalaryScalesResource.get`). */
function ensureSalaryScales(call: CrudCall): void {
  const now = nowDateTime();
  call.write(() => {
    const departments = prepareCached(call.db, 'SELECT id FROM department').all() as {
      id: string;
    }[];
    for (const department of departments) {
      for (const position of POSITIONS) {
        for (const seniority of SENIORITIES) {
          prepareCached(
            call.db,
            `INSERT INTO salary_scale (id, created_at, updated_at, department_id, position,
               seniority, salary)
             SELECT ?, ?, ?, ?, ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM salary_scale
               WHERE department_id = ? AND position = ? AND seniority = ?)`,
          ).run(
            newId(),
            now,
            now,
            department.id,
            position,
            seniority,
            department.id,
            position,
            seniority,
          );
        }
      }
    }
  });
}

/** Salary scales exist for every department, position and seniority; none are created. */
export const salaryScaleHooks = defineHooks({
  checkListRead(call) {
    call.access.requireAdmin();
    ensureSalaryScales(call);
  },
  checkCreationIntegrity() {
    throw badRequest('Salary scales cannot be created');
  },
});

function refuseVendorsAndClients(call: CrudCall, projectId?: string): void {
  if (call.access.isVendor(projectId) || call.access.isClient(projectId)) throw forbidden();
}

function checkScheduleListRead(call: CrudCall, options: Record<string, string> | null): void {
  if (options?.project_id) call.access.requireProjectAccess(options.project_id);
  else call.access.requireAdmin();
  refuseVendorsAndClients(call, options?.project_id);
}

/** Production schedule versions: the project's team (not vendors nor clients) reads. */
export const scheduleVersionHooks = defineHooks({
  checkListRead: checkScheduleListRead,
  checkRead(call, version) {
    const projectId = String(version.project_id);
    call.access.requireProjectAccess(projectId);
    refuseVendorsAndClients(call, projectId);
  },
  checkCreate: (call, data) => call.access.requireManagerProjectAccess(String(data.project_id)),
  checkUpdate: (call, version) =>
    call.access.requireManagerProjectAccess(String(version.project_id)),
});

function versionProject(call: CrudCall, versionId: unknown): string {
  const row = prepareCached(
    call.db,
    'SELECT project_id FROM production_schedule_version WHERE id = ?',
  ).get(versionId) as { project_id: string } | undefined;
  if (!row) throw notFound();
  return row.project_id;
}

/** Their task links: same readers; managers of the task's project write. */
export const scheduleVersionTaskLinkHooks = defineHooks({
  checkListRead: checkScheduleListRead,
  checkRead(call, link) {
    const task = loadTaskFacts(call.db, String(link.task_id));
    call.access.requireProjectAccess(task.project_id);
    refuseVendorsAndClients(call, task.project_id);
  },
  checkCreate(call, data) {
    const projectId = versionProject(call, data.production_schedule_version_id);
    if (loadTaskFacts(call.db, String(data.task_id)).project_id !== projectId) {
      throw badRequest('The task and the production schedule version must be in the same project.');
    }
    call.access.requireManagerProjectAccess(projectId);
  },
  checkUpdate: (call, link) =>
    call.access.requireManagerProjectAccess(
      loadTaskFacts(call.db, String(link.task_id)).project_id,
    ),
  checkDelete: (call, link) =>
    call.access.requireManagerProjectAccess(
      loadTaskFacts(call.db, String(link.task_id)).project_id,
    ),
});
