import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProject,
  eventsNamed,
  lookupId,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addPerson, countRows, MISSING_ID } from './admin-test-kit';

let server: CrudTestServer;
let manager: ApiClient;
let artist: ApiClient;
let projectId: string;
let otherProjectId: string;
let departmentId: string;

beforeAll(async () => {
  server = await startCrudServer();
  manager = addPerson(server, 'manager');
  artist = addPerson(server, 'user');
  projectId = addProject(server, { team: [manager.id, artist.id] });
  otherProjectId = addProject(server, { team: [manager.id] });
  departmentId = lookupId(server, "SELECT id FROM department WHERE name = 'Animation'");
});
afterAll(() => server.close());

const budgets = (project = projectId) => `/data/projects/${project}/budgets`;

describe('budgets of a production', () => {
  it('creates budgets with increasing revisions (200), lists and reads them', async () => {
    const first = await manager.post(budgets(), { name: 'Initial' });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(
      [
        'created_at',
        'currency',
        'id',
        'name',
        'project_id',
        'revision',
        'type',
        'updated_at',
      ].sort(),
    );
    expect(first.body).toMatchObject({
      name: 'Initial',
      currency: 'USD',
      revision: 1,
      project_id: projectId,
      type: 'Budget',
    });
    const second = await manager.post(budgets(), { name: 'Second', currency: 'EUR' });
    expect(second.body).toMatchObject({ revision: 2, currency: 'EUR' });
    expect(eventsNamed(server, 'budget:create').map((event) => event.data)).toEqual([
      { budget_id: first.body.id, project_id: projectId },
      { budget_id: second.body.id, project_id: projectId },
    ]);

    const list = await manager.get(budgets());
    expect(list.body).toEqual([
      { id: first.body.id, project_id: projectId, revision: 1, name: 'Initial', currency: 'USD' },
      { id: second.body.id, project_id: projectId, revision: 2, name: 'Second', currency: 'EUR' },
    ]);
    const one = await manager.get(`${budgets()}/${first.body.id}`);
    expect(one.body).toEqual(first.body);
  });

  it('updates the given fields only, then deletes the budget with its entries', async () => {
    const created = (await manager.post(budgets(), { name: 'To change' })).body;
    const updated = await manager.put(`${budgets()}/${created.id}`, { currency: 'JPY' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'To change', currency: 'JPY', type: 'Budget' });
    const entry = await manager.post(`${budgets()}/${created.id}/entries`, {
      department_id: departmentId,
      start_date: '2026-01-01',
      months_duration: 2,
      daily_salary: 300,
    });
    expect(entry.status).toBe(200);
    const removed = await manager.delete(`${budgets()}/${created.id}`);
    expect(removed.status).toBe(204);
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM budget WHERE id = ?', created.id)).toBe(0);
    expect(
      countRows(server, 'SELECT COUNT(*) AS n FROM budget_entry WHERE budget_id = ?', created.id),
    ).toBe(0);
    expect(eventsNamed(server, 'budget:delete').at(-1)?.data).toEqual({
      budget_id: created.id,
      project_id: projectId,
    });
    expect((await manager.get(`${budgets()}/${created.id}`)).status).toBe(404);
  });

  it('hides a budget behind another project (404), and refuses artists', async () => {
    const foreign = (await manager.post(budgets(otherProjectId), { name: 'Elsewhere' })).body;
    expect((await manager.get(`${budgets()}/${foreign.id}`)).status).toBe(404);
    expect((await manager.put(`${budgets()}/${foreign.id}`, { name: 'x' })).status).toBe(404);
    expect((await manager.delete(`${budgets()}/${foreign.id}`)).status).toBe(404);
    expect((await manager.get(`${budgets()}/${foreign.id}/entries`)).status).toBe(404);
    expect((await artist.get(budgets())).status).toBe(403);
    expect((await artist.post(budgets(), { name: 'No' })).status).toBe(403);
    expect(countRows(server, "SELECT COUNT(*) AS n FROM budget WHERE name = 'No'")).toBe(0);
  });

  it('answers Zou errors for malformed ids and bodies', async () => {
    const malformed = await manager.post('/data/projects/nope/budgets', { name: 'x' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: true, message: 'Wrong UUID format.', data: null });
    expect((await manager.get(`${budgets()}/nope`)).body.message).toBe('Wrong UUID format.');
    const missing = await manager.post(budgets(), {});
    expect(missing.body).toEqual({
      error: true,
      message: 'Validation error.',
      data: { errors: [{ field: 'name', message: 'Field required' }] },
    });
    const empty = await manager.post(budgets(), { name: '' });
    expect(empty.body.data.errors).toEqual([
      { field: 'name', message: 'String should have at least 1 character' },
    ]);
    const admin = addPerson(server, 'admin');
    expect((await admin.get(budgets(MISSING_ID))).status).toBe(404);
    expect((await admin.post(budgets(MISSING_ID), { name: 'x' })).status).toBe(404);
    const longCurrency = await manager.post(budgets(), { name: 'x', currency: 'EURO' });
    expect(longCurrency.status).toBe(400);
    expect(countRows(server, "SELECT COUNT(*) AS n FROM budget WHERE name = 'x'")).toBe(0);
  });
});

describe('budget entries', () => {
  let budgetId: string;
  const entries = () => `${budgets()}/${budgetId}/entries`;

  beforeAll(async () => {
    budgetId = (await manager.post(budgets(), { name: 'Entries' })).body.id;
  });

  it('creates, lists, reads, updates and deletes entries', async () => {
    const created = await manager.post(entries(), {
      department_id: departmentId,
      person_id: artist.id,
      start_date: '2026-03-01',
      months_duration: 4,
      daily_salary: '250.5',
      position: 'lead',
      seniority: 'senior',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      budget_id: budgetId,
      department_id: departmentId,
      person_id: artist.id,
      start_date: '2026-03-01',
      months_duration: 4,
      daily_salary: 250.5,
      position: 'lead',
      seniority: 'senior',
      exceptions: {},
      type: 'BudgetEntry',
    });
    const entryId = created.body.id;
    expect(eventsNamed(server, 'budget-entry:create').at(-1)?.data).toEqual({
      budget_id: budgetId,
      budget_entry_id: entryId,
      project_id: projectId,
    });

    const list = await manager.get(entries());
    expect(list.body).toEqual([
      {
        id: entryId,
        budget_id: budgetId,
        department_id: departmentId,
        person_id: artist.id,
        start_date: '2026-03-01',
        months_duration: 4,
        daily_salary: 250.5,
        position: 'lead',
        seniority: 'senior',
        exceptions: {},
      },
    ]);
    expect((await manager.get(`${entries()}/${entryId}`)).body).toEqual(created.body);

    const updated = await manager.put(`${entries()}/${entryId}`, {
      daily_salary: 300,
      exceptions: { '2026-04': 2, '2026-05': 0, '2026-06': null, '2026-07': '3' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      daily_salary: 300,
      department_id: departmentId,
      months_duration: 4,
      exceptions: { '2026-04': 2, '2026-07': 3 },
    });
    expect(eventsNamed(server, 'budget-entry:update')).toHaveLength(1);

    expect((await manager.delete(`${entries()}/${entryId}`)).status).toBe(204);
    expect((await manager.get(`${entries()}/${entryId}`)).status).toBe(404);
    expect(eventsNamed(server, 'budget-entry:delete')).toHaveLength(1);
  });

  it('refuses entries without their required values or with bad ones', async () => {
    const noDepartment = await manager.post(entries(), { start_date: '2026-01-01' });
    expect(noDepartment.body.data.errors).toEqual([
      { field: 'department_id', message: 'Field required' },
    ]);
    const noDate = await manager.post(entries(), {
      department_id: departmentId,
      months_duration: 1,
      daily_salary: 1,
    });
    expect(noDate.status).toBe(400);
    const badSalary = await manager.post(entries(), {
      department_id: departmentId,
      daily_salary: 'lots',
    });
    expect(badSalary.body.data.errors).toEqual([
      {
        field: 'daily_salary',
        message: 'Input should be a valid number, unable to parse string as a number',
      },
    ]);
    const badPosition = await manager.post(entries(), {
      department_id: departmentId,
      start_date: '2026-01-01',
      months_duration: 1,
      daily_salary: 1,
      position: 'boss',
    });
    expect(badPosition.status).toBe(400);
    const unknownDepartment = await manager.post(entries(), {
      department_id: MISSING_ID,
      start_date: '2026-01-01',
      months_duration: 1,
      daily_salary: 1,
    });
    expect(unknownDepartment.status).toBe(400);
    expect(
      countRows(server, 'SELECT COUNT(*) AS n FROM budget_entry WHERE budget_id = ?', budgetId),
    ).toBe(0);
    expect(
      (await manager.post(`${budgets()}/${MISSING_ID}/entries`, { department_id: departmentId }))
        .status,
    ).toBe(404);
    expect((await artist.get(entries())).status).toBe(403);
  });
});
