import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { removeAbandonedStaging, stagingRunName } from './abandoned-staging';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** The id of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid;
}

it('removes what crashed launches staged and keeps what running ones did', async () => {
  const root = mkdtempSync(join(tmpdir(), 'shotdesk-staging-'));
  roots.push(root);
  const stage = (name: string) => {
    mkdirSync(join(root, name, 'file-folder'), { recursive: true });
    writeFileSync(join(root, name, 'file-folder', 'render.png'), 'png');
  };
  const crashed = stagingRunName(endedPid(), 'a');
  const running = stagingRunName(process.pid, 'b');
  const older = 'run-5b2f4c1e-0a7d-4d5e-9d0b-6c1a2b3c4d5e';
  for (const name of [crashed, running, older]) stage(name);
  writeFileSync(join(root, 'notes.txt'), 'not a run');

  expect((await removeAbandonedStaging(root)).sort()).toEqual([crashed, older].sort());
  expect(readdirSync(root).sort()).toEqual(['notes.txt', running].sort());
  expect(existsSync(join(root, running, 'file-folder', 'render.png'))).toBe(true);
});

it('answers nothing when no launch staged anything yet', async () => {
  expect(await removeAbandonedStaging(join(tmpdir(), 'shotdesk-no-such-staging'))).toEqual([]);
});
