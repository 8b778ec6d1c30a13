import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublishFileCheck } from '../../src-shared/publish';
import type { TodoTask } from '../../src-shared/todo-task';
import type { FoundRender, Software, WorkingPath } from '../../src-shared/working-files';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { studioApi, type StudioApi } from '../test-support/studio-api';
import { logInToLocalStudio, type LocalStudioApp } from '../test-support/test-app';

// Jordan's working files on the local studio (the demo project's tree mounts /mnt/studio),
// mapped to a temp folder of this computer.

let app: LocalStudioApp;
let taskId: string;
const prod = mkdtempSync(join(tmpdir(), 'shotdesk-prod-'));

beforeAll(async () => {
  app = await logInToLocalStudio();
  const tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
  taskId = tasks[0]!.id;
  api = await studioApi(app.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(prod, { recursive: true, force: true });
});

let api: StudioApi | null = null;
const studio = () => api!;

const mapStudio = (mountPoints: { tree: string; local: string }[]) =>
  app.value('settings:set', { mountPoints });

describe('working files', () => {
  it('says which mount point to map while none is', async () => {
    await mapStudio([]);
    const path = await app.value<WorkingPath>('files:working-path', { taskId });
    expect(path).toMatchObject({ localFolder: null, unmappedMountPoint: '/mnt/studio' });
    expect(path.treeFolder).toMatch(/^\/mnt\/studio\/productions\//);
    const refused = await app.failure('files:create-folder', { taskId });
    expect(refused).toMatchObject({ code: 'invalid-input' });
    expect(refused.message).toMatch(/Settings/);
  });

  it('maps the path, creates its folders under the mapped root, and counts revisions on disk', async () => {
    await mapStudio([{ tree: '/mnt/studio', local: prod }]);
    const [blender] = (await app.value<Software[]>('files:softwares', {})).filter(
      (software) => software.fileExtension !== '',
    );
    const first = await app.value<WorkingPath>('files:working-path', {
      taskId,
      softwareId: blender!.id,
      name: 'main',
    });
    expect(first.localFolder!.startsWith(prod)).toBe(true);
    expect(first).toMatchObject({ revision: 1, folderExists: false });
    expect(first.fileName).toMatch(/_main_v001$/);
    expect(first.localFile).toBe(
      join(first.localFolder!, `${first.fileName}${blender!.fileExtension}`),
    );

    const created = await app.value<WorkingPath>('files:create-folder', {
      taskId,
      softwareId: blender!.id,
    });
    expect(created.folderExists).toBe(true);
    expect(existsSync(created.previewFolder!)).toBe(true);

    // A file saved there but never registered in Kitsu: the next one is v002.
    writeFileSync(created.localFile!, 'scene');
    const next = await app.value<WorkingPath>('files:working-path', {
      taskId,
      softwareId: blender!.id,
    });
    expect(next.revision).toBe(2);
    expect(next.fileName).toMatch(/_main_v002$/);
  });

  it('registers the next working file in Kitsu, and finds the latest one on disk', async () => {
    await mapStudio([{ tree: '/mnt/studio', local: prod }]);
    const [software] = (await app.value<Software[]>('files:softwares', {})).filter(
      (candidate) => candidate.fileExtension !== '',
    );
    const input = { taskId, softwareId: software!.id };
    // The software is part of the record; without one, nothing is registered.
    const refused = await app.failure('files:register', { taskId });
    expect(refused).toMatchObject({ code: 'invalid-input' });
    expect(refused.message).toMatch(/^Pick the software/);

    const before = await app.value<WorkingPath>('files:working-path', input);
    const after = await app.value<WorkingPath>('files:register', {
      ...input,
      comment: 'Blocking pass',
    });
    expect(after.revision).toBe(before.revision + 1);
    const known = (await studio().expectOk(
      'GET',
      `/data/tasks/${taskId}/working-files/last-revisions`,
    )) as Record<string, { revision: number; comment: string }>;
    expect(known.main).toMatchObject({ revision: before.revision, comment: 'Blocking pass' });

    // In a browser there is no file manager: the answer is the path.
    const folder = await app.value<{ shown: boolean; path: string }>('files:reveal', {
      taskId,
      open: false,
    });
    expect(folder).toEqual({ shown: false, path: before.localFolder });
    const latest = await app.value<{ shown: boolean; path: string }>('files:reveal', {
      taskId,
      open: true,
    });
    expect(latest.path).toMatch(/_main_v001\.[a-z0-9]+$/);
  });

  it('refuses a name that would make a folder', async () => {
    const error = await app.failure('files:working-path', { taskId, name: '../escape' });
    expect(error).toMatchObject({ code: 'invalid-input' });
  });

  it('offers a render that appears in the open task’s preview folder, ready to publish', async () => {
    await mapStudio([{ tree: '/mnt/studio', local: prod }]);
    const path = await app.value<WorkingPath>('files:create-folder', { taskId });
    const render = join(path.previewFolder!, 'sh010_v003.png');
    await sharp({ create: { width: 64, height: 36, channels: 3, background: '#808080' } })
      .png()
      .toFile(render);
    await vi.waitFor(
      () =>
        expect(app.pushesOf('files:render-found')).toContainEqual({
          taskId,
          ref: render,
          name: 'sh010_v003.png',
          size: expect.any(Number),
        } satisfies FoundRender),
      { timeout: 15_000 },
    );
    const [check] = await app.value<PublishFileCheck[]>('publish:check-files', { files: [render] });
    expect(check).toMatchObject({ accepted: true, kind: 'picture' });
    await app.value('files:stop-watching', {});
  });
});
