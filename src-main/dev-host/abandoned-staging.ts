import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A launch's staging folder: its process id first, so that a later launch can tell it is gone. */
export const stagingRunName = (pid: number, id: string) => `run-${pid}-${id}`;

const RUN_NAME = /^run-(\d+)-/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging folders of launches that ended without closing (a crash, a kill): their
 * files were already copied by whatever used them. A folder without a process id in its
 * name comes from an older version and is removed too. Answers the names removed.
 */
export async function removeAbandonedStaging(root: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const abandoned = names.filter((name) => {
    if (!name.startsWith('run-')) return false;
    const pid = RUN_NAME.exec(name)?.[1];
    return pid === undefined || !isRunning(Number(pid));
  });
  await Promise.all(
    abandoned.map((name) => rm(join(root, name), { recursive: true, force: true })),
  );
  return abandoned;
}
