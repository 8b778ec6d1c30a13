import type { Db } from '../db/database';
import { newId } from '../db/ids';
import type { BaseIds } from './base-lookup';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts';

export interface PeopleOptions {
  osUserName: string;
  passwordHash: string;
  createdAt: string;
}

/**
 * Creates the demo accounts and returns their ids by email. An account whose email is already
 * taken (say the admin the CLI just created) is reused as it is, password included.
 */
export function seedDemoPeople(db: Db, base: BaseIds, options: PeopleOptions): Map<string, string> {
  const findByEmail = db.prepare('SELECT id FROM person WHERE lower(email) = ? AND is_bot = 0');
  const insert = db.prepare(
    `INSERT INTO person (id, created_at, updated_at, first_name, last_name, email, password,
       desktop_login, role, position, seniority, contract_type, active, timezone, locale)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'Europe/London', 'en_US')`,
  );
  const linkDepartment = db.prepare(
    'INSERT OR IGNORE INTO department_link (person_id, department_id) VALUES (?, ?)',
  );
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const existing = findByEmail.get(account.email.toLowerCase()) as { id: string } | undefined;
    const id = existing?.id ?? newId();
    if (!existing) {
      insert.run(
        id,
        options.createdAt,
        options.createdAt,
        account.firstName,
        account.lastName,
        account.email.toLowerCase(),
        options.passwordHash,
        desktopLogin(account, options.osUserName),
        account.role,
        account.position,
        account.seniority,
        account.role === 'vendor' ? 'freelance' : 'open-ended',
      );
    }
    for (const department of account.departments) {
      linkDepartment.run(id, base.department(department));
    }
    ids.set(account.email, id);
  }
  return ids;
}

/** Login by desktop ID must stay unambiguous, even when the OS user is called "mia.chen". */
function desktopLogin(account: DemoAccount, osUserName: string): string {
  if (account.desktopLogin === null) return osUserName;
  return account.desktopLogin === osUserName
    ? `${account.desktopLogin}.demo`
    : account.desktopLogin;
}
