import { mkdir } from 'node:fs/promises';
import type { Software, WorkingPath } from '../../../src-shared/working-files';
import { mappedRootOf } from '../../files/mount-points';
import { localTreePath } from '../../files/local-working-path';
import {
  lastKnownRevision,
  latestWorkingFileOnDisk,
  listSoftwares,
  serverRenderer,
  treeMountPoint,
  workingMountPointOf,
  workingPathOf,
  type PathRenderer,
  type WorkingPathInput,
} from '../../files/working-path';
import { explainFailure } from '../../kitsu/explain-failure';
import { AppError, isAppError } from '../../kitsu/app-error';
import { PerClientCache } from '../../kitsu/per-client-cache';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type FileChannel =
  | 'files:softwares'
  | 'files:working-path'
  | 'files:create-folder'
  | 'files:stop-watching'
  | 'files:register'
  | 'files:reveal';

/** Working files: where the next one goes here, its folders, and the open task's renders. */
export function fileHandlers(services: HandlerServices): HandlerGroup<FileChannel> {
  const { session, appState } = services;
  // Softwares change seldom: once per session.
  const softwares = new PerClientCache<Software[]>();
  const softwaresOf = async () => {
    const client = await session.client();
    return softwares.get(client, 'all', () => listSoftwares(client));
  };
  const keyOf = (input: WorkingPathInput) =>
    `files:path:${input.taskId}:${input.softwareId ?? ''}:${input.name?.trim() || 'main'}`;

  /** The task's row and its project's tree from the cache, for the local engine. */
  const cachedTreeOf = async (taskId: string) => {
    const cache = services.offline.sync.for(await session.client());
    const task = cache?.cachedTask(taskId) ?? null;
    if (!cache || !task) return null;
    const projects = await cache.contextEntry('projects').catch(() => null);
    const project = (Array.isArray(projects) ? projects : []).find(
      (row) => (row as { id?: unknown }).id === task.projectId,
    ) as { file_tree?: unknown } | undefined;
    return project?.file_tree ? { task, tree: project.file_tree } : null;
  };

  const pathOf = async (input: WorkingPathInput) => {
    const client = await session.client();
    const { mountPoints } = await appState.settings();
    const software = input.softwareId
      ? ((await softwaresOf().catch(() => [])).find((s) => s.id === input.softwareId) ?? null)
      : null;
    const name = input.name?.trim() || 'main';
    const local = await cachedTreeOf(input.taskId);
    const localRender: PathRenderer | null = local
      ? async (mode, revision) =>
          localTreePath(local.tree, local.task, { name, software }, mode, revision)
      : null;
    let path: WorkingPath;
    let render: PathRenderer;
    try {
      render = serverRenderer(client, input);
      path = await workingPathOf(
        render,
        mountPoints,
        input,
        software,
        await lastKnownRevision(client, input),
        () => treeMountPoint(client, input.taskId),
      );
      services.offline.keptReads()?.keep(keyOf(input), path);
      if (localRender) void logMismatch(localRender, path);
    } catch (error) {
      // Offline: the cached tree and the last revision Kitsu told, with what is on disk.
      const kept = services.offline.keptReads()?.peek<WorkingPath>(keyOf(input)) ?? null;
      if (!(isAppError(error) && error.code === 'offline') || !localRender) throw error;
      render = localRender;
      path = await workingPathOf(
        render,
        mountPoints,
        input,
        software,
        Math.max(0, (kept?.revision ?? 1) - 1),
        async () => workingMountPointOf(local!.tree),
      );
    }
    services.renders?.watch(path.taskId, path.previewFolder);
    return { path, mountPoints, render };
  };

  return {
    'files:softwares': () => softwaresOf(),
    'files:working-path': async (input) => (await pathOf(input)).path,
    'files:create-folder': async (input) => {
      const { path, mountPoints } = await pathOf(input);
      if (!path.localFolder) {
        throw new AppError(
          'invalid-input',
          `The file tree's ${path.unmappedMountPoint ?? 'mount point'} is not mapped to a folder of this computer: map it in Settings › Production folders first.`,
        );
      }
      for (const folder of [path.localFolder, path.previewFolder]) {
        // Only ever under a folder the person mapped; never anywhere a tree could point.
        if (!folder || !mappedRootOf(folder, mountPoints)) continue;
        await mkdir(folder, { recursive: true }).catch((error: unknown) => {
          throw new AppError(
            'invalid-input',
            `Shotdesk could not create ${folder}: ${(error as Error).message}. Check that the production folder is mounted and writable.`,
          );
        });
      }
      // The preview folder exists now: watch it (the watch before had nothing to watch).
      services.renders?.watch(path.taskId, path.previewFolder);
      return { ...path, folderExists: true };
    },
    'files:stop-watching': async () => {
      services.renders?.stop();
      return null;
    },
    'files:register': async ({ comment, ...input }) => {
      // Without one, Zou's path route and its register route each pick a different default
      // software: the file Kitsu records would not be the path shown.
      if (!input.softwareId) {
        throw new AppError(
          'invalid-input',
          'Pick the software the file is made with first: Kitsu records it with the working file.',
        );
      }
      const client = await session.client();
      const { path } = await pathOf(input);
      await explainFailure(
        client.post<unknown>(`/data/tasks/${encodeURIComponent(input.taskId)}/working-files/new`, {
          name: path.name,
          revision: path.revision,
          comment: comment ?? '',
          software_id: input.softwareId,
        }),
        {
          forbidden:
            'Kitsu does not let you register working files on this task: you need access to its project.',
          'invalid-input': `Kitsu has revision ${path.revision} of “${path.name}” already: refresh and try again.`,
        },
      );
      return (await pathOf(input)).path;
    },
    'files:reveal': async ({ open, ...input }) => {
      const { path, mountPoints, render } = await pathOf(input);
      const target = open
        ? await latestWorkingFileOnDisk(render, mountPoints, path.revision)
        : path.folderExists
          ? path.localFolder
          : null;
      if (!target) {
        throw new AppError(
          'not-found',
          open
            ? 'There is no working file of this name on this computer yet.'
            : 'The folder does not exist yet: create it first.',
        );
      }
      if (open && services.openFile) {
        await services.openFile(target);
        return { shown: true, path: target };
      }
      if (!open && services.revealFile) {
        services.revealFile(target);
        return { shown: true, path: target };
      }
      // A browser has no file manager to show it in: the path is the answer.
      return { shown: false, path: target };
    },
  };
}

/** Online, Kitsu's answer wins; the local engine disagreeing is worth a line in the log. */
async function logMismatch(render: PathRenderer, path: WorkingPath): Promise<void> {
  try {
    const mine = await render('working', path.revision);
    if (mine.folder !== path.treeFolder || mine.fileName !== path.fileName) {
      console.warn(
        `Shotdesk: the file tree engine renders ${mine.folder}/${mine.fileName} where Kitsu ` +
          `says ${path.treeFolder}/${path.fileName}; Kitsu's answer is used.`,
      );
    }
  } catch (error) {
    console.warn(`Shotdesk: the file tree engine could not render this path: ${String(error)}`);
  }
}
