import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import {
  ASSET_TYPE_NAMES,
  BASE_DEPARTMENTS,
  BASE_TASK_STATUSES,
  BASE_TASK_TYPES,
  seedBaseData,
  TEMPORAL_ENTITY_TYPE_NAMES,
} from './base-data';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, type DemoSummary } from './demo';
import { WORK_DAY_MINUTES, WorkClock } from './demo-history';

const OS_USER = 'jdoe';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-seed-'));
  db = openDatabase(join(dir, 'test.sqlite'));
  migrate(db, migrations);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function count(sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

function counts(): Record<string, number> {
  const tables = [
    'project_status',
    'entity_type',
    'department',
    'task_type',
    'task_status',
    'file_status',
    'organisation',
  ];
  return Object.fromEntries(
    tables.map((table) => [table, count(`SELECT COUNT(*) AS n FROM ${table}`)]),
  );
}

let hashCalls = 0;
async function fakeHash(plain: string): Promise<string> {
  hashCalls += 1;
  return 'test-hash:' + plain;
}

async function seedStandard(): Promise<DemoSummary> {
  hashCalls = 0;
  return seedDemo(db, { size: 'standard', osUserName: OS_USER, hashPassword: fakeHash });
}

function openTasksOf(personId: string): number {
  return count(
    `SELECT COUNT(*) AS n FROM task t
     JOIN task_person_link l ON l.task_id = t.id
     JOIN task_status s ON s.id = t.task_status_id
     WHERE l.person_id = ? AND s.is_done = 0`,
    personId,
  );
}

describe('seedBaseData', () => {
  it('creates the nine task statuses with Zou flags', () => {
    seedBaseData(db);
    const rows = db.prepare('SELECT * FROM task_status').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(9);
    for (const status of BASE_TASK_STATUSES) {
      const row = rows.find((candidate) => candidate.short_name === status.shortName);
      expect(row, status.shortName).toMatchObject({
        name: status.name,
        color: status.color,
        is_default: status.isDefault ? 1 : 0,
        is_done: status.isDone ? 1 : 0,
        is_retake: status.isRetake ? 1 : 0,
        is_feedback_request: status.isFeedbackRequest ? 1 : 0,
        is_wip: status.isWip ? 1 : 0,
        for_concept: status.forConcept ? 1 : 0,
        is_artist_allowed: 1,
        is_client_allowed: 1,
      });
    }
    const todo = rows.find((row) => row.short_name === 'todo');
    expect(todo).toMatchObject({ name: 'Todo', color: '#f5f5f5', is_default: 1, for_concept: 0 });
    const neutral = rows.find((row) => row.short_name === 'neutral');
    expect(neutral).toMatchObject({ is_default: 1, for_concept: 1 });
  });

  it('creates the project statuses, entity types, departments and task types', () => {
    seedBaseData(db);
    const names = (sql: string) => (db.prepare(sql).all() as { name: string }[]).map((r) => r.name);
    expect(names('SELECT name FROM project_status ORDER BY name')).toEqual(['Closed', 'Open']);
    expect(names('SELECT name FROM entity_type').sort()).toEqual(
      [...ASSET_TYPE_NAMES, ...TEMPORAL_ENTITY_TYPE_NAMES].sort(),
    );
    const departments = db.prepare('SELECT name, color FROM department').all();
    expect(departments).toHaveLength(BASE_DEPARTMENTS.length);
    expect(departments).toEqual(expect.arrayContaining([{ name: 'Animation', color: '#009688' }]));
    expect(count('SELECT COUNT(*) AS n FROM task_type')).toBe(BASE_TASK_TYPES.length);
    const lighting = db
      .prepare(
        `SELECT t.color, t.priority, t.for_entity, d.name AS department FROM task_type t
         JOIN department d ON d.id = t.department_id WHERE t.name = 'Lighting'`,
      )
      .get();
    expect(lighting).toEqual({
      color: '#F9A825',
      priority: 4,
      for_entity: 'Shot',
      department: 'Compositing',
    });
    expect(db.prepare('SELECT name, hours_by_day FROM organisation').all()).toEqual([
      { name: 'Kitsu', hours_by_day: 8 },
    ]);
    expect(names('SELECT name FROM file_status')).toEqual(['To review']);
  });

  it('is idempotent', () => {
    seedBaseData(db);
    const first = counts();
    seedBaseData(db);
    expect(counts()).toEqual(first);
  });
});

describe('WorkClock', () => {
  it('lands in office hours, in the past, in order, whatever the time of day', () => {
    for (const time of ['00:03', '08:59', '09:02', '12:30', '18:31', '23:59']) {
      const now = new Date(`2025-03-12T${time}:00Z`);
      const clock = new WorkClock(now);
      let previous = Infinity;
      for (const ago of [0, 1, 29, WORK_DAY_MINUTES, 600, 3 * WORK_DAY_MINUTES + 17]) {
        const at = clock.at(ago);
        const minute = at.getUTCHours() * 60 + at.getUTCMinutes();
        expect(at.getTime(), `${time} - ${ago}`).toBeLessThan(now.getTime());
        expect(at.getTime()).toBeLessThan(previous);
        expect(minute).toBeGreaterThanOrEqual(9 * 60);
        expect(minute).toBeLessThan(18 * 60 + 30);
        previous = at.getTime();
      }
    }
  });
});

describe('seedDemo standard', () => {
  it('builds Harbor Lights with its assets, shots and crew', async () => {
    const summary = await seedStandard();
    expect(hashCalls).toBe(1);
    expect(summary.password).toBe(DEMO_PASSWORD);
    const project = db.prepare('SELECT * FROM project').get() as Record<string, unknown>;
    expect(project).toMatchObject({ id: summary.projectId, name: 'Harbor Lights', fps: '25' });
    expect(JSON.parse(project.file_tree as string)).toHaveProperty('working.folder_path.shot');

    const assetsByType = db
      .prepare(
        `SELECT t.name, COUNT(*) AS n FROM entity e JOIN entity_type t ON t.id = e.entity_type_id
         WHERE t.name IN ('Character', 'Prop', 'Environment', 'FX') GROUP BY t.name`,
      )
      .all() as { name: string; n: number }[];
    expect(assetsByType).toHaveLength(4);
    const assetCount = assetsByType.reduce((sum, row) => sum + row.n, 0);
    expect(assetCount).toBeGreaterThanOrEqual(28);
    expect(assetCount).toBeLessThanOrEqual(34);

    const shotsBySequence = db
      .prepare(
        `SELECT q.name, COUNT(*) AS n FROM entity s
         JOIN entity_type st ON st.id = s.entity_type_id AND st.name = 'Shot'
         JOIN entity q ON q.id = s.parent_id GROUP BY q.name ORDER BY q.name`,
      )
      .all();
    expect(shotsBySequence).toEqual([
      { name: 'SQ010', n: 8 },
      { name: 'SQ020', n: 8 },
      { name: 'SQ030', n: 8 },
    ]);
    const shot = db
      .prepare(
        `SELECT s.data, s.nb_frames FROM entity s JOIN entity_type t ON t.id = s.entity_type_id
         WHERE t.name = 'Shot' LIMIT 1`,
      )
      .get() as { data: string; nb_frames: number };
    const data = JSON.parse(shot.data) as { frame_in: number; frame_out: number; fps: string };
    expect(data.frame_out - data.frame_in + 1).toBe(shot.nb_frames);

    expect(count('SELECT COUNT(*) AS n FROM task')).toBe(summary.taskCount);
    expect(summary.taskCount).toBeGreaterThan(150);
    expect(count('SELECT COUNT(*) AS n FROM project_task_type_link')).toBe(8);
    expect(count('SELECT COUNT(*) AS n FROM project_task_status_link')).toBe(9);
    expect(count('SELECT COUNT(*) AS n FROM time_spent')).toBeGreaterThan(0);
    expect(count('SELECT COUNT(*) AS n FROM entity_link')).toBeGreaterThan(0);
  });

  it('creates every demo account, in the team, with one shared password hash', async () => {
    const summary = await seedStandard();
    const people = db
      .prepare('SELECT id, email, role, desktop_login, password FROM person')
      .all() as {
      id: string;
      email: string;
      role: string;
      desktop_login: string;
      password: string;
    }[];
    expect(people.map((person) => person.email).sort()).toEqual(
      DEMO_ACCOUNTS.map((account) => account.email).sort(),
    );
    for (const person of people) {
      expect(person.password).toBe('test-hash:' + DEMO_PASSWORD);
      expect(summary.personIds[person.email]).toBe(person.id);
    }
    const roles = new Set(people.map((person) => person.role));
    for (const role of ['admin', 'manager', 'supervisor', 'user', 'client', 'vendor']) {
      expect(roles.has(role), role).toBe(true);
    }
    expect(people.filter((person) => person.desktop_login === OS_USER)).toHaveLength(1);
    expect(people.find((person) => person.desktop_login === OS_USER)?.email).toBe(
      summary.artistEmail,
    );
    expect(new Set(people.map((person) => person.desktop_login)).size).toBe(people.length);
    expect(count('SELECT COUNT(*) AS n FROM project_person_link')).toBe(people.length);
  });

  it('gives the OS-user artist a healthy todo list', async () => {
    const summary = await seedStandard();
    const artistId = summary.personIds[summary.artistEmail] as string;
    expect(openTasksOf(artistId)).toBeGreaterThanOrEqual(12);
    const byStatus = Object.fromEntries(
      (
        db
          .prepare(
            `SELECT s.short_name, COUNT(*) AS n FROM task t
             JOIN task_person_link l ON l.task_id = t.id
             JOIN task_status s ON s.id = t.task_status_id
             WHERE l.person_id = ? GROUP BY s.short_name`,
          )
          .all(artistId) as { short_name: string; n: number }[]
      ).map((row) => [row.short_name, row.n]),
    );
    for (const status of ['wip', 'retake', 'wfa', 'done']) {
      expect(byStatus[status], status).toBeGreaterThan(0);
    }
    const today = new Date().toISOString().slice(0, 10);
    const inAWeek = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    const openDue = (where: string) =>
      count(
        `SELECT COUNT(*) AS n FROM task t JOIN task_status s ON s.id = t.task_status_id
         WHERE s.is_done = 0 AND ${where}`,
        { today, inAWeek },
      );
    expect(openDue('date(t.due_date) < @today')).toBeGreaterThan(0);
    expect(openDue('date(t.due_date) BETWEEN @today AND @inAWeek')).toBeGreaterThan(0);
    expect(openDue('date(t.due_date) > @inAWeek')).toBeGreaterThan(0);
  });

  it('keeps every task consistent with its latest comment', async () => {
    await seedStandard();
    const mismatches = db
      .prepare(
        `SELECT t.id FROM task t
         LEFT JOIN comment c ON c.id = (
           SELECT id FROM comment WHERE object_id = t.id ORDER BY created_at DESC LIMIT 1)
         JOIN task_status s ON s.id = t.task_status_id
         WHERE (c.id IS NULL AND (s.short_name <> 'todo' OR t.last_comment_date IS NOT NULL))
            OR (c.id IS NOT NULL AND (c.task_status_id <> t.task_status_id
                                      OR c.created_at <> t.last_comment_date))`,
      )
      .all();
    expect(mismatches).toEqual([]);
    const now = new Date().toISOString().slice(0, 19);
    expect(count('SELECT COUNT(*) AS n FROM comment WHERE created_at > ?', now)).toBe(0);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM task t JOIN task_status s ON s.id = t.task_status_id
         WHERE (s.is_done = 1) <> (t.done_date IS NOT NULL)`,
      ),
    ).toBe(0);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM task t JOIN task_status s ON s.id = t.task_status_id
         WHERE s.is_retake = 1 AND t.retake_count < 1`,
      ),
    ).toBe(0);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM task t
         WHERE t.duration <> (SELECT COALESCE(SUM(duration), 0) FROM time_spent WHERE task_id = t.id)`,
      ),
    ).toBe(0);
  });

  it('honours the schema constraints', async () => {
    await seedStandard();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM (SELECT name, project_id, task_type_id, entity_id FROM task
         GROUP BY 1, 2, 3, 4 HAVING COUNT(*) > 1)`,
      ),
    ).toBe(0);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM (SELECT person_id, date, SUM(duration) AS total FROM time_spent
         GROUP BY 1, 2 HAVING total > 480)`,
      ),
    ).toBe(0);
  });

  it('reuses an account that already exists with a demo email', async () => {
    db.prepare(
      `INSERT INTO person (id, created_at, updated_at, first_name, last_name, email, password, role)
       VALUES ('00000000-0000-4000-8000-000000000001', '2024-01-01T00:00:00',
         '2024-01-01T00:00:00', 'Admin', 'Admin', 'admin@example.com', 'kept', 'admin')`,
    ).run();
    const summary = await seedStandard();
    expect(summary.personIds['admin@example.com']).toBe('00000000-0000-4000-8000-000000000001');
    expect(
      db.prepare(`SELECT password FROM person WHERE email = 'admin@example.com'`).get(),
    ).toEqual({ password: 'kept' });
  });

  it('refuses a data dir that already has a production', async () => {
    await seedStandard();
    await expect(seedStandard()).rejects.toThrow(/already has a production/);
    expect(count('SELECT COUNT(*) AS n FROM project')).toBe(1);
  });
});

describe('seedDemo large', () => {
  it('gives the OS-user artist exactly 5,000 open tasks among 70,000+', async () => {
    const started = Date.now();
    const summary = await seedDemo(db, {
      size: 'large',
      osUserName: OS_USER,
      hashPassword: fakeHash,
    });
    const elapsed = Date.now() - started;
    console.log(`large demo: ${summary.taskCount} tasks in ${elapsed} ms`);
    expect(elapsed).toBeLessThan(60_000);
    expect(count('SELECT COUNT(*) AS n FROM task')).toBe(summary.taskCount);
    expect(summary.taskCount).toBeGreaterThanOrEqual(70_000);
    expect(openTasksOf(summary.personIds[summary.artistEmail] as string)).toBe(5000);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM entity e JOIN entity_type t ON t.id = e.entity_type_id
         WHERE t.name IN ('Character', 'Prop', 'Environment', 'FX')`,
      ),
    ).toBeGreaterThanOrEqual(5000);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM entity e JOIN entity_type t ON t.id = e.entity_type_id
         WHERE t.name = 'Shot'`,
      ),
    ).toBeGreaterThanOrEqual(2000);
  }, 120_000);
});
