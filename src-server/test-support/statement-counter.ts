import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database';

/** Counts SQL statement executions on every connection while `work` runs (for N+1 checks). */
export async function countStatements(db: Db, work: () => Promise<unknown>): Promise<number> {
  const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as Statement;
  const methods = ['all', 'get', 'run', 'iterate'] as const;
  const originals = methods.map((name) => prototype[name]);
  let count = 0;
  methods.forEach((name, index) => {
    const original = originals[index] as (...args: unknown[]) => unknown;
    (prototype as unknown as Record<string, unknown>)[name] = function (
      this: Statement,
      ...args: unknown[]
    ) {
      count += 1;
      return original.apply(this, args);
    };
  });
  try {
    await work();
  } finally {
    methods.forEach((name, index) => {
      (prototype as unknown as Record<string, unknown>)[name] = originals[index];
    });
  }
  return count;
}
