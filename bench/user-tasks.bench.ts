// GET /api/data/user/tasks for the artist of the large demo (5,000 open tasks), over real HTTP,
// against a floor measured in the same run: the same rows read by one prepared statement and
// JSON.stringify'd in-process. Prints the ratio (target ≤ 1.5×) and the number of SQL
// statements one request executes. Exits non-zero on errors only, never on a slow ratio.
//
//   npx tsx bench/user-tasks.bench.ts [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Statement } from 'better-sqlite3';
import { API_PREFIX, createServer, type KitsuServer } from '../src-server/app';
import type { Db } from '../src-server/db/database';
import type { DemoSummary } from '../src-server/seed/demo';
import { LARGE_OPEN_TASKS_FOR_ARTIST } from '../src-server/seed/demo-large';
import { listenOnFreePort } from '../src-server/test-support/test-server';
import { seedLargeDemo } from './support/large-demo';

const TARGET_RATIO = 1.5;
const WARM_UP_RUNS = 3;
const RUNS = Number(process.argv[2] ?? 15);

/** The floor: the artist's open tasks with every joined column, one statement, no extras. */
const FLOOR_SQL = `
  SELECT t.*, p.name AS project_name, p.has_avatar AS project_has_avatar,
    e.name AS entity_name, e.description AS entity_description, e.data AS entity_data,
    e.preview_file_id AS entity_preview_file_id, et.name AS entity_type_name,
    e.canceled AS entity_canceled, e.source_id AS entity_source_id,
    seq.name AS sequence_name, ep.id AS episode_id, ep.name AS episode_name,
    tt.name AS task_type_name, tt.for_entity AS task_type_for_entity,
    tt.color AS task_type_color, s.name AS task_status_name, s.color AS task_status_color,
    s.short_name AS task_status_short_name
  FROM task t
  JOIN task_person_link l ON l.task_id = t.id AND l.person_id = ?
  JOIN project p ON p.id = t.project_id
  JOIN project_status ps ON ps.id = p.project_status_id AND ps.name = 'Open'
  JOIN task_type tt ON tt.id = t.task_type_id
  JOIN task_status s ON s.id = t.task_status_id
  JOIN entity e ON e.id = t.entity_id
  JOIN entity_type et ON et.id = e.entity_type_id
  LEFT JOIN entity seq ON seq.id = e.parent_id
  LEFT JOIN entity ep ON ep.id = seq.parent_id
  WHERE s.is_done = 0
    AND EXISTS (SELECT 1 FROM project_person_link team
                WHERE team.project_id = p.id AND team.person_id = l.person_id)`;

interface Timed<T> {
  ms: number;
  value: T;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shotdesk-bench-'));
  let server: KitsuServer | null = null;
  try {
    const demo = await seedLargeDemo(dataDir);
    server = await createServer({ dataDir, settings: { bcryptRounds: 4 } });
    const baseUrl = await listenOnFreePort(server);
    const token = await logIn(baseUrl, demo);
    const counter = countStatements(server.context.db);

    const fetchTasks = () => getTasksText(baseUrl, token);
    for (let run = 0; run < WARM_UP_RUNS; run += 1) await fetchTasks();
    counter.reset();
    const checked = parseTaskList(await fetchTasks());
    const statements = counter.count;
    if (checked.length !== LARGE_OPEN_TASKS_FOR_ARTIST) {
      throw new Error(`Expected ${LARGE_OPEN_TASKS_FOR_ARTIST} tasks, got ${checked.length}`);
    }
    // The client's time to the last byte; parsing it is the client's business, not the server's.
    const http = await timeRuns(fetchTasks);

    const artistId = demo.personIds[demo.artistEmail] as string;
    const floorStatement = server.context.db.prepare(FLOOR_SQL);
    const floorQuery = async () => JSON.stringify(floorStatement.all(artistId));
    const floorRows = (floorStatement.all(artistId) as unknown[]).length;
    if (floorRows !== checked.length) {
      throw new Error(`The floor read ${floorRows} rows, the endpoint ${checked.length}`);
    }
    const floor = await timeRuns(floorQuery);

    const ratio = http.ms / floor.ms;
    console.log(`GET ${API_PREFIX}/data/user/tasks  (${checked.length} tasks, ${RUNS} runs)`);
    console.log(`  endpoint over HTTP  median ${http.ms.toFixed(1)} ms`);
    console.log(`  floor (1 statement) median ${floor.ms.toFixed(1)} ms`);
    console.log(
      `  ratio ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x)` +
        (ratio <= TARGET_RATIO ? '  ok' : '  SLOWER THAN TARGET'),
    );
    console.log(`  SQL statements per request: ${statements} (auth included)`);
  } finally {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function logIn(baseUrl: string, demo: DemoSummary): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: demo.artistEmail, password: demo.password }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || !body.access_token) {
    throw new Error(`Login failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

async function getTasksText(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/data/user/tasks`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET /data/user/tasks answered ${response.status}: ${text.slice(0, 200)}`);
  }
  return text;
}

function parseTaskList(text: string): unknown[] {
  const body = JSON.parse(text) as unknown;
  if (!Array.isArray(body)) throw new Error('GET /data/user/tasks did not answer a list');
  return body;
}

/** Median wall time of `RUNS` sequential calls (after one warm-up call). */
async function timeRuns<T>(call: () => Promise<T>): Promise<Timed<T>> {
  let value = await call();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    value = await call();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return { ms: times[Math.floor(times.length / 2)] as number, value };
}

/** Counts statement executions on the connection's Statement class while the bench runs. */
function countStatements(db: Db): { readonly count: number; reset(): void } {
  const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, unknown>;
  const state = { count: 0 };
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = prototype[method] as (this: Statement, ...args: unknown[]) => unknown;
    prototype[method] = function (this: Statement, ...args: unknown[]) {
      state.count += 1;
      return original.apply(this, args);
    };
  }
  return {
    get count() {
      return state.count;
    },
    reset() {
      state.count = 0;
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
