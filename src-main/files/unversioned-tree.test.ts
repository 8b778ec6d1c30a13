import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TodoTask } from '../../src-shared/todo-task';
import type { Software, WorkingPath } from '../../src-shared/working-files';
import { studioApi } from '../test-support/studio-api';
import { logInToLocalStudio, type LocalStudioApp } from '../test-support/test-app';

// Zou's stock "default" tree names working files without a revision: every revision of a
// task's file has one name. Once that file is on disk, the next revision is still the one
// after Kitsu's, with a word that saving replaces the file; the disk is not searched further.

let app: LocalStudioApp;
const prod = mkdtempSync(join(tmpdir(), 'shotdesk-prod-'));

beforeAll(async () => {
  app = await logInToLocalStudio();
  const priya = await studioApi(app.apiUrl, 'priya.raman@example.com', 'shotdesk-demo');
  const [task] = await app.value<TodoTask[]>('tasks:list-todo', {});
  await priya.expectOk('POST', `/actions/projects/${task!.projectId}/set-file-tree`, {
    tree_name: 'default',
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(prod, { recursive: true, force: true });
});

it('a tree that names every revision alike: the next revision, and a warning', async () => {
  const [task] = await app.value<TodoTask[]>('tasks:list-todo', {});
  const unmapped = await app.value<WorkingPath>('files:working-path', { taskId: task!.id });
  await app.value('settings:set', {
    mountPoints: [{ tree: unmapped.unmappedMountPoint!, local: prod }],
  });
  const [software] = (await app.value<Software[]>('files:softwares', {})).filter(
    (candidate) => candidate.fileExtension !== '',
  );
  const input = { taskId: task!.id, softwareId: software!.id };
  const created = await app.value<WorkingPath>('files:create-folder', input);
  expect(created).toMatchObject({ revision: 1, sameNameEveryRevision: false });

  writeFileSync(created.localFile!, 'scene');
  const again = await app.value<WorkingPath>('files:working-path', input);
  expect(again).toMatchObject({
    revision: 1,
    fileName: created.fileName,
    sameNameEveryRevision: true,
  });
});
