import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  insertRow,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import {
  addAssignedTask,
  addProduction,
  addTimeSpent,
  departmentId,
  type Production,
} from './time-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let manager: ApiClient;
let supervisor: ApiClient;
let first: ApiClient;
let second: ApiClient;
let third: ApiClient;
let alpha: Production;
let beta: Production;
let studioId: string;
let modeling: string;
let animation: string;

beforeAll(async () => {
  server = await startCrudServer();
  modeling = departmentId(server, 'Modeling');
  animation = departmentId(server, 'Animation');
  studioId = insertRow(server, 'studio', { name: 'North', color: '#000000' });
  admin = addPerson(server, 'admin');
  manager = addPerson(server, 'manager');
  supervisor = addPerson(server, 'supervisor', { departments: [modeling] });
  first = addPerson(server, 'user');
  second = addPerson(server, 'user');
  third = addPerson(server, 'user', { studio_id: studioId });
  alpha = addProduction(server, [manager.id, supervisor.id, first.id, second.id]);
  beta = addProduction(server, [third.id]);
  const alphaModeling = addAssignedTask(server, alpha, [first.id]);
  const alphaRigging = addAssignedTask(server, alpha, [second.id], 'Rigging');
  const betaModeling = addAssignedTask(server, beta, [third.id]);
  addTimeSpent(server, alphaModeling, first.id, '2023-12-31', 10);
  addTimeSpent(server, alphaModeling, first.id, '2024-01-15', 60);
  addTimeSpent(server, alphaModeling, first.id, '2024-01-16', 30);
  addTimeSpent(server, alphaModeling, first.id, '2024-02-01', 120);
  addTimeSpent(server, alphaModeling, first.id, '2024-12-30', 20);
  addTimeSpent(server, alphaRigging, second.id, '2024-01-15', 45);
  addTimeSpent(server, betaModeling, third.id, '2024-01-20', 90);
});
afterAll(() => server.close());

describe('time tables', () => {
  it('sums minutes per month and person for an admin, filters applied', async () => {
    const table = await admin.get('/data/persons/time-spents/month-table/2024');
    expect(table.status).toBe(200);
    expect(table.body).toEqual({
      1: { [first.id]: 90, [second.id]: 45, [third.id]: 90 },
      2: { [first.id]: 120 },
      12: { [first.id]: 20 },
    });
    const byProject = await admin.get(
      `/data/persons/time-spents/month-table/2024?project_id=${beta.projectId}`,
    );
    expect(byProject.body).toEqual({ 1: { [third.id]: 90 } });
    const byDepartment = await admin.get(
      `/data/persons/time-spents/month-table/2024?department_id=${animation}`,
    );
    expect(byDepartment.body).toEqual({ 1: { [second.id]: 45 } });
    const byStudio = await admin.get(
      `/data/persons/time-spents/month-table/2024?studio_id=${studioId}`,
    );
    expect(byStudio.body).toEqual({ 1: { [third.id]: 90 } });
  });

  it('keys weeks by ISO week number, days by day, years by year', async () => {
    const weeks = await admin.get('/data/persons/time-spents/week-table/2024');
    expect(weeks.body).toEqual({
      1: { [first.id]: 20 },
      3: { [first.id]: 90, [second.id]: 45, [third.id]: 90 },
      5: { [first.id]: 120 },
    });
    const days = await admin.get('/data/persons/time-spents/day-table/2024/1');
    expect(days.body).toEqual({
      15: { [first.id]: 60, [second.id]: 45 },
      16: { [first.id]: 30 },
      20: { [third.id]: 90 },
    });
    const years = await admin.get('/data/persons/time-spents/year-table');
    expect(years.body).toEqual({
      2023: { [first.id]: 10 },
      2024: { [first.id]: 230, [second.id]: 45, [third.id]: 90 },
    });
    const badMonth = await admin.get('/data/persons/time-spents/day-table/2024/13');
    expect(badMonth.body).toEqual({ error: true, message: 'Invalid month or year.', data: null });
    expect((await admin.get('/data/persons/time-spents/month-table/next')).status).toBe(400);
    const badId = await admin.get('/data/persons/time-spents/month-table/2024?project_id=x');
    expect(badId.status).toBe(400);
  });

  it('limits managers to their projects and supervisors to their departments', async () => {
    const managed = await manager.get('/data/persons/time-spents/month-table/2024');
    expect(managed.body).toEqual({
      1: { [first.id]: 90, [second.id]: 45 },
      2: { [first.id]: 120 },
      12: { [first.id]: 20 },
    });
    const foreign = await manager.get(
      `/data/persons/time-spents/month-table/2024?project_id=${beta.projectId}`,
    );
    expect(foreign.status).toBe(403);

    const supervised = await supervisor.get('/data/persons/time-spents/week-table/2024');
    expect(supervised.body).toEqual({
      1: { [first.id]: 20 },
      3: { [first.id]: 90 },
      5: { [first.id]: 120 },
    });
    const otherDepartment = await supervisor.get(
      `/data/persons/time-spents/month-table/2024?department_id=${animation}`,
    );
    expect(otherDepartment.status).toBe(400);
    expect(otherDepartment.body).toEqual({
      error: true,
      message: 'Supervisor not allowed to access this department',
      data: null,
    });
  });

  it('shows anyone else only their own time', async () => {
    const own = await second.get('/data/persons/time-spents/month-table/2024');
    expect(own.body).toEqual({ 1: { [second.id]: 45 } });
    const elsewhere = await third.get(
      `/data/persons/time-spents/month-table/2024?project_id=${alpha.projectId}`,
    );
    expect(elsewhere.body).toEqual({});
  });
});

describe('the budget view of a project’s time', () => {
  it('groups minutes by department, person and month, for admins only', async () => {
    const path = `/data/projects/${alpha.projectId}/budgets/time-spents`;
    const budget = await admin.get(path);
    expect(budget.status).toBe(200);
    expect(budget.body).toEqual({
      [modeling]: {
        total: 240,
        [first.id]: { total: 240, '2023-12': 10, '2024-01': 90, '2024-02': 120, '2024-12': 20 },
      },
      [animation]: { total: 45, [second.id]: { total: 45, '2024-01': 45 } },
    });
    expect((await manager.get(path)).status).toBe(403);
    const bad = await admin.get('/data/projects/nope/budgets/time-spents');
    expect(bad.body).toEqual({ error: true, message: 'Wrong UUID format.', data: null });
  });

  it('reads the months in the caller’s time zone, as Zou does', async () => {
    server.context.db
      .prepare("UPDATE person SET timezone = 'America/New_York' WHERE id = ?")
      .run(admin.id);
    const budget = await admin.get(`/data/projects/${alpha.projectId}/budgets/time-spents`);
    expect(budget.body[modeling][first.id]).toEqual({
      total: 240,
      '2023-12': 10,
      '2024-01': 210,
      '2024-12': 20,
    });
  });
});
