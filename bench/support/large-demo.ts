import { userInfo } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../../src-server/auth/passwords';
import { openDatabase } from '../../src-server/db/database';
import { migrate } from '../../src-server/db/migrate';
import { migrations } from '../../src-server/db/migrations';
import { seedDemo, type DemoSummary } from '../../src-server/seed/demo';

export interface LargeDemo extends DemoSummary {
  /** Jordan's desktop_login, which the login form also accepts as the identifier. */
  osUserName: string;
}

/** Seeds `dataDir/kitsu.db` with the large demo (75,194 tasks, 5,000 open for the artist). */
export async function seedLargeDemo(dataDir: string): Promise<LargeDemo> {
  const db = openDatabase(join(dataDir, 'kitsu.db'));
  try {
    migrate(db, migrations);
    const started = performance.now();
    const osUserName = safeUserName();
    const demo = await seedDemo(db, {
      size: 'large',
      osUserName,
      // Fast hashes: the benchmarks time requests, not logins.
      hashPassword: (plain) => hashPassword(plain, 4),
    });
    console.log(
      `Seeded the large demo: ${demo.taskCount} tasks in ${(performance.now() - started).toFixed(0)} ms`,
    );
    return { ...demo, osUserName };
  } finally {
    db.close();
  }
}

function safeUserName(): string {
  try {
    return userInfo().username || 'bench';
  } catch {
    return 'bench';
  }
}
