import { userInfo } from 'node:os';
import type { ServerContext } from '../context';
import { hashPassword } from '../auth/passwords';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo';
import { seedDemoPreviews } from './demo-previews';

export interface BootstrapOptions {
  adminEmail?: string;
  adminPassword?: string;
  demo: boolean;
  demoSize: 'standard' | 'large';
}

/**
 * First-start work the CLI asks for: an admin on an empty data dir, the demo production on
 * a data dir without one. Returns lines worth printing; never touches existing data.
 */
export async function bootstrapDataDir(
  context: ServerContext,
  options: BootstrapOptions,
): Promise<string[]> {
  const report: string[] = [];
  const { db } = context;
  if (options.adminEmail && options.adminPassword) {
    const personCount = (db.prepare('SELECT COUNT(*) AS n FROM person').get() as { n: number }).n;
    if (personCount === 0) {
      await createAdmin(context, options.adminEmail, options.adminPassword);
      report.push(`Created admin ${options.adminEmail}`);
    } else {
      report.push('The data dir already has users: --admin-email ignored');
    }
  }
  if (options.demo || options.demoSize === 'large') {
    const projectCount = (db.prepare('SELECT COUNT(*) AS n FROM project').get() as { n: number }).n;
    if (projectCount > 0) {
      report.push('The data dir already has a production: --demo skipped');
    } else {
      const started = Date.now();
      const summary = await seedDemo(db, {
        size: options.demoSize,
        osUserName: osUserName(),
        hashPassword: (plain) => hashPassword(plain, context.settings.bcryptRounds),
      });
      // The large demo is for benchmarks: its lists, not its pictures, are what is measured.
      const pictures =
        options.demoSize === 'standard'
          ? await seedDemoPreviews(context, summary.projectId)
          : { made: 0, failure: null };
      report.push(
        `Demo production created (${summary.taskCount} tasks, ${pictures.made} previews, ` +
          `${Date.now() - started} ms). ` +
          `Every demo account's password is "${DEMO_PASSWORD}":`,
      );
      for (const account of DEMO_ACCOUNTS) {
        report.push(`  ${account.role.padEnd(10)} ${account.email}`);
      }
      report.push(`  Desktop ID login: ${osUserName()} (${summary.artistEmail})`);
      if (pictures.failure) {
        report.push(`Some demo previews could not be drawn: ${pictures.failure}`);
      }
    }
  }
  return report;
}

async function createAdmin(context: ServerContext, email: string, password: string): Promise<void> {
  const now = nowDateTime();
  const local = email.split('@')[0] ?? 'admin';
  context.db
    .prepare(
      `INSERT INTO person (id, created_at, updated_at, first_name, last_name, email, password, role,
         active)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'admin', 1)`,
    )
    .run(
      newId(),
      now,
      now,
      local.charAt(0).toUpperCase() + local.slice(1),
      'Admin',
      email.toLowerCase(),
      await hashPassword(password, context.settings.bcryptRounds),
    );
}

export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'artist';
  }
}
