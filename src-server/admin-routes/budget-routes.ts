import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { accessOf } from '../permissions/request-access';
import { normalizeUuid } from '../crud/values';
import { requireProject } from '../production/lookup';
import { checkManagerProjectAccess } from '../production/project-access';
import { adminCall, checkIdParameter } from './admin-call';
import {
  dictField,
  floatField,
  intField,
  readBodyFields,
  stringField,
  type BodyField,
} from './body-fields';
import {
  createBudget,
  createEntry,
  deleteBudget,
  deleteEntry,
  listBudgets,
  listEntries,
  requireBudget,
  requireEntry,
  serializeBudget,
  serializeEntry,
  updateBudget,
  updateEntry,
} from './budget-store';

interface BudgetParams {
  project_id: string;
  budget_id: string;
}

interface EntryParams extends BudgetParams {
  entry_id: string;
}

const optionalString: BodyField = { parse: stringField() };

const ENTRY_FIELDS: Record<string, BodyField> = {
  department_id: { parse: stringField(1), required: true },
  person_id: optionalString,
  start_date: optionalString,
  months_duration: { parse: intField },
  daily_salary: { parse: floatField },
  position: optionalString,
  seniority: optionalString,
};

const ENTRY_UPDATE_FIELDS: Record<string, BodyField> = {
  ...ENTRY_FIELDS,
  department_id: optionalString,
  exceptions: { parse: dictField, default: {} },
};

/**
 * A production's budgets and their entries (`blueprints/projects`, `budget_service`): managers
 * of the project only; ids are checked first ("Wrong UUID format."), in Zou's order per route.
 */
export function registerBudgetRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  // Zou lets an admin read an unknown project's budgets ([]) and fails on the foreign key when
  // writing one; the project must exist here.
  const requireManager = (request: FastifyRequest, projectId: string): void => {
    const access = accessOf(db, request);
    checkManagerProjectAccess(access, db, projectId);
    if (access.isAdmin && normalizeUuid(projectId) !== null) requireProject(db, projectId);
  };

  api.get<{ Params: { project_id: string } }>(
    '/data/projects/:project_id/budgets',
    async (request) => {
      requireManager(request, request.params.project_id);
      const projectId = checkIdParameter(request.params.project_id);
      return listBudgets(db, projectId);
    },
  );

  // 200, not 201.
  api.post<{ Params: { project_id: string } }>(
    '/data/projects/:project_id/budgets',
    async (request) => {
      const projectId = checkIdParameter(request.params.project_id);
      requireManager(request, projectId);
      const { values } = readBodyFields(request, 'BudgetSchema', {
        name: { parse: stringField(1), required: true },
        currency: { parse: stringField(), default: 'USD' },
      });
      return createBudget(
        adminCall(context, request),
        projectId,
        String(values.name),
        values.currency as string | null,
      );
    },
  );

  api.get<{ Params: BudgetParams }>(
    '/data/projects/:project_id/budgets/:budget_id',
    async (request) => {
      const projectId = checkIdParameter(request.params.project_id);
      const budgetId = checkIdParameter(request.params.budget_id);
      requireManager(request, projectId);
      return serializeBudget(requireBudget(db, projectId, budgetId));
    },
  );

  api.put<{ Params: BudgetParams }>(
    '/data/projects/:project_id/budgets/:budget_id',
    async (request) => {
      const projectId = checkIdParameter(request.params.project_id);
      const budgetId = checkIdParameter(request.params.budget_id);
      requireManager(request, projectId);
      const { values } = readBodyFields(request, 'BudgetUpdateSchema', {
        name: optionalString,
        currency: optionalString,
      });
      const budget = requireBudget(db, projectId, budgetId);
      return updateBudget(
        adminCall(context, request),
        budget,
        values.name as string | null,
        values.currency as string | null,
      );
    },
  );

  api.delete<{ Params: BudgetParams }>(
    '/data/projects/:project_id/budgets/:budget_id',
    async (request, reply) => {
      const projectId = checkIdParameter(request.params.project_id);
      const budgetId = checkIdParameter(request.params.budget_id);
      requireManager(request, projectId);
      deleteBudget(adminCall(context, request), requireBudget(db, projectId, budgetId));
      return reply.code(204).send();
    },
  );

  api.get<{ Params: BudgetParams }>(
    '/data/projects/:project_id/budgets/:budget_id/entries',
    async (request) => {
      const projectId = checkIdParameter(request.params.project_id);
      const budgetId = checkIdParameter(request.params.budget_id);
      requireManager(request, projectId);
      return listEntries(db, String(requireBudget(db, projectId, budgetId).id));
    },
  );

  api.post<{ Params: BudgetParams }>(
    '/data/projects/:project_id/budgets/:budget_id/entries',
    async (request) => {
      const projectId = checkIdParameter(request.params.project_id);
      const budgetId = checkIdParameter(request.params.budget_id);
      requireManager(request, projectId);
      const { values } = readBodyFields(request, 'BudgetEntrySchema', ENTRY_FIELDS);
      const budget = requireBudget(db, projectId, budgetId);
      return createEntry(adminCall(context, request), budget, values);
    },
  );

  api.get<{ Params: EntryParams }>(
    '/data/projects/:project_id/budgets/:budget_id/entries/:entry_id',
    async (request) => {
      requireManager(request, request.params.project_id);
      const projectId = checkIdParameter(request.params.project_id);
      const budgetId = checkIdParameter(request.params.budget_id);
      const entryId = checkIdParameter(request.params.entry_id);
      requireBudget(db, projectId, budgetId);
      return serializeEntry(requireEntry(db, budgetId, entryId));
    },
  );

  api.put<{ Params: EntryParams }>(
    '/data/projects/:project_id/budgets/:budget_id/entries/:entry_id',
    async (request) => {
      requireManager(request, request.params.project_id);
      const projectId = checkIdParameter(request.params.project_id);
      const budgetId = checkIdParameter(request.params.budget_id);
      const entryId = checkIdParameter(request.params.entry_id);
      const { values, given } = readBodyFields(
        request,
        'BudgetEntryUpdateSchema',
        ENTRY_UPDATE_FIELDS,
      );
      const budget = requireBudget(db, projectId, budgetId);
      const entry = requireEntry(db, budgetId, entryId);
      return updateEntry(adminCall(context, request), budget, entry, values, given);
    },
  );

  api.delete<{ Params: EntryParams }>(
    '/data/projects/:project_id/budgets/:budget_id/entries/:entry_id',
    async (request, reply) => {
      const projectId = checkIdParameter(request.params.project_id);
      const budgetId = checkIdParameter(request.params.budget_id);
      const entryId = checkIdParameter(request.params.entry_id);
      requireManager(request, projectId);
      const budget = requireBudget(db, projectId, budgetId);
      deleteEntry(adminCall(context, request), budget, requireEntry(db, budgetId, entryId));
      return reply.code(204).send();
    },
  );
}
