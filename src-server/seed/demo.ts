import type { Db } from '../db/database';
import { formatDateTime } from '../db/time';
import { seedBaseData } from './base-data';
import { loadBaseIds } from './base-lookup';
import { WorkClock } from './demo-history';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from './demo-accounts';
import { seedLargeProduction } from './demo-large';
import { seedDemoPeople } from './demo-people';
import { seedStandardProduction } from './demo-production';
import { addToTeam, createDemoProject, projectDates } from './demo-project';
import type { TaskWriteContext } from './demo-tasks';
import { DemoWriter } from './demo-writer';
import { Random } from './random';

export { DEMO_ACCOUNTS, DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from './demo-accounts';
export type { DemoAccount } from './demo-accounts';

export interface DemoOptions {
  size: 'standard' | 'large';
  osUserName: string;
  hashPassword: (plain: string) => Promise<string>;
}

export interface DemoSummary {
  projectId: string;
  /** By email. */
  personIds: Record<string, string>;
  taskCount: number;
  artistEmail: string;
  password: string;
}

const RANDOM_SEED = 20_240_611;

export class DemoDataDirNotEmptyError extends Error {
  constructor() {
    super('The data dir already has a production; the demo only fills a data dir without one.');
  }
}

/** Fills a data dir that has no production yet with "Harbor Lights" and its crew. */
export async function seedDemo(db: Db, options: DemoOptions): Promise<DemoSummary> {
  assertNoProject(db);
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  seedBaseData(db);
  const base = loadBaseIds(db);
  const now = new Date();
  const dates = projectDates(now);
  const createdAt = formatDateTime(dates.createdAt);

  const context = db.transaction((): TaskWriteContext => {
    assertNoProject(db);
    const personIds = seedDemoPeople(db, base, {
      osUserName: options.osUserName,
      passwordHash,
      createdAt,
    });
    const projectId = createDemoProject(db, base, dates);
    addToTeam(db, projectId, personIds.values());
    const taskContext: TaskWriteContext = {
      writer: new DemoWriter(db, base, now),
      base,
      random: new Random(RANDOM_SEED),
      now,
      clock: new WorkClock(now),
      projectId,
      createdAt,
      personIds,
      dayBudget: new Map(),
    };
    seedStandardProduction(db, taskContext);
    return taskContext;
  })();

  if (options.size === 'large') seedLargeProduction(db, context);

  return {
    projectId: context.projectId,
    personIds: Object.fromEntries(context.personIds),
    taskCount: context.writer.taskCount,
    artistEmail: DEMO_ARTIST_EMAIL,
    password: DEMO_PASSWORD,
  };
}

function assertNoProject(db: Db): void {
  const row = db.prepare('SELECT COUNT(*) AS n FROM project').get() as { n: number };
  if (row.n > 0) throw new DemoDataDirNotEmptyError();
}
