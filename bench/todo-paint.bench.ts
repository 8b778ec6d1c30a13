// The todo list of the large demo's artist (5,000 open tasks), from request to rows painted in
// Chromium: a harness page (bench/todo-paint/) served by the real dev host calls
// `tasks:list-todo` through the renderer's WebSocket transport (dev host → main → HTTP → the
// real src-server), derives the rows as the todo screen does, mounts the real virtualized
// TodoList and waits until its first rows are painted. The floor, measured in the same run and
// page: the exact bytes of that result message from a plain WebSocket server, parsed the same
// way, mounted in the same list and painted. Prints both medians, their ratio (target ≤ 2×) and
// the payload size. Exits non-zero on errors only, never on a slow ratio.
//
//   npx tsx bench/todo-paint.bench.ts [runs]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { rendererViteConfig } from '../src-main/dev-host/renderer-vite-config';
import { createServer, type KitsuServer } from '../src-server/app';
import { LARGE_OPEN_TASKS_FOR_ARTIST } from '../src-server/seed/demo-large';
import { listenOnFreePort } from '../src-server/test-support/test-server';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { startDevHost, type Running } from '../e2e/support/processes';
import { seedLargeDemo } from './support/large-demo';
import {
  captureResultBytes,
  startReplaySocketServer,
  type ReplaySocketServer,
} from './support/replay-socket';
import {
  TODO_PAINT_GLOBAL,
  type PaintTiming,
  type TodoPaintHarness,
} from './todo-paint/harness-api';

const TARGET_RATIO = 2;
const WARM_UP_RUNS = 3;
const RUNS = Number(process.argv[2] ?? 15);
const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

type Kind = 'measured' | 'floor';

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'shotdesk-bench-paint-'));
  let server: KitsuServer | null = null;
  let devHost: Running | null = null;
  let floorServer: ReplaySocketServer | null = null;
  let browser: Browser | null = null;
  try {
    const dataDir = join(workDir, 'server');
    mkdirSync(dataDir);
    const demo = await seedLargeDemo(dataDir);
    server = await createServer({ dataDir, settings: { bcryptRounds: 4 } });
    const apiUrl = await listenOnFreePort(server);

    const harnessDir = join(workDir, 'harness');
    await build({
      ...rendererViteConfig(APP_ROOT, harnessDir),
      root: join(APP_ROOT, 'bench/todo-paint'),
    });
    devHost = await startDevHost(join(workDir, 'user-data'), { rendererDir: harnessDir });

    browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(devHost.url);
    await page.waitForFunction((name) => name in globalThis, TODO_PAINT_GLOBAL);

    const api = pageHarness(page);
    const fullName = await api.logIn(apiUrl, demo.osUserName, demo.password);
    const bytes = await captureResultBytes(devHost.url, 'tasks:list-todo', {});
    floorServer = await startReplaySocketServer(bytes);
    await api.openFloor(floorServer.url);

    const runOnce = async (kind: Kind): Promise<PaintTiming> => {
      const timing = await api[kind]();
      await api.clear();
      if (pageErrors.length > 0) throw new Error(`The page failed: ${pageErrors.join('\n')}`);
      if (timing.rows !== LARGE_OPEN_TASKS_FOR_ARTIST) {
        throw new Error(`The ${kind} run listed ${timing.rows} tasks`);
      }
      return timing;
    };
    for (let run = 0; run < WARM_UP_RUNS; run += 1) {
      await runOnce('measured');
      await runOnce('floor');
    }
    const runs: Record<Kind, PaintTiming[]> = { measured: [], floor: [] };
    for (let run = 0; run < RUNS; run += 1) {
      // Alternating which goes first, so that neither always runs after the other.
      const order: Kind[] = run % 2 === 0 ? ['measured', 'floor'] : ['floor', 'measured'];
      for (const kind of order) runs[kind].push(await runOnce(kind));
    }

    const measured = medians(runs.measured);
    const floor = medians(runs.floor);
    const ratio = measured.totalMs / floor.totalMs;
    console.log(
      `Todo list, request to rows painted  (${LARGE_OPEN_TASKS_FOR_ARTIST} tasks of ${fullName}, ` +
        `${RUNS} runs each, Chromium ${browser.version()})`,
    );
    console.log(`  result message ${(bytes.length / 1024 / 1024).toFixed(2)} MiB`);
    console.log(`  measured median ${describe(measured)}`);
    console.log(`  floor    median ${describe(floor)}`);
    console.log(
      `  ratio ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x)` +
        (ratio <= TARGET_RATIO ? '  ok' : '  SLOWER THAN TARGET'),
    );
    console.log(`  rows in the DOM after paint: ${runs.measured[0]!.rowsInDom} (virtualized)`);
  } finally {
    await browser?.close();
    await floorServer?.close();
    await devHost?.stop();
    await server?.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The harness the page exposes, called from here (each call runs in the page). */
function pageHarness(page: Page): TodoPaintHarness {
  type Method = keyof TodoPaintHarness;
  const invoke = <M extends Method>(method: M, ...args: Parameters<TodoPaintHarness[M]>) =>
    page.evaluate(
      ([name, which, values]) => {
        const api = (globalThis as unknown as Record<string, TodoPaintHarness>)[name]!;
        return (api[which] as (...given: unknown[]) => Promise<unknown>)(...values);
      },
      [TODO_PAINT_GLOBAL, method, args] as const,
    ) as ReturnType<TodoPaintHarness[M]>;
  return {
    logIn: (...args) => invoke('logIn', ...args),
    openFloor: (...args) => invoke('openFloor', ...args),
    measured: () => invoke('measured'),
    floor: () => invoke('floor'),
    clear: () => invoke('clear'),
  };
}

/** The median of each part, on its own (the parts of one median run need not add up). */
function medians(timings: PaintTiming[]): PaintTiming {
  const median = (pick: (timing: PaintTiming) => number) => {
    const values = timings.map(pick).sort((left, right) => left - right);
    return values[Math.floor(values.length / 2)]!;
  };
  return {
    totalMs: median((t) => t.totalMs),
    transportMs: median((t) => t.transportMs),
    rowsMs: median((t) => t.rowsMs),
    paintMs: median((t) => t.paintMs),
    rows: timings[0]!.rows,
    rowsInDom: timings[0]!.rowsInDom,
  };
}

function describe(timing: PaintTiming): string {
  return (
    `${timing.totalMs.toFixed(1)} ms  (transport ${timing.transportMs.toFixed(1)}, ` +
    `rows ${timing.rowsMs.toFixed(1)}, mount + paint ${timing.paintMs.toFixed(1)})`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
