import { mkdir } from 'node:fs/promises';
import type { Software } from '../../../src-shared/working-files';
import { mappedRootOf } from '../../files/mount-points';
import {
  latestWorkingFileOnDisk,
  listSoftwares,
  workingPathOf,
  type WorkingPathInput,
} from '../../files/working-path';
import { explainFailure } from '../../kitsu/explain-failure';
import { AppError } from '../../kitsu/app-error';
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
  const pathOf = async (input: WorkingPathInput) => {
    const client = await session.client();
    const { mountPoints } = await appState.settings();
    const software = input.softwareId
      ? ((await softwaresOf()).find((candidate) => candidate.id === input.softwareId) ?? null)
      : null;
    const path = await workingPathOf(client, mountPoints, input, software);
    services.renders?.watch(path.taskId, path.previewFolder);
    return { path, mountPoints };
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
      return (await pathOf(input)).path;
    },
    'files:stop-watching': async () => {
      services.renders?.stop();
      return null;
    },
    'files:register': async ({ comment, ...input }) => {
      const client = await session.client();
      const { path } = await pathOf(input);
      await explainFailure(
        client.post<unknown>(`/data/tasks/${encodeURIComponent(input.taskId)}/working-files/new`, {
          name: path.name,
          revision: path.revision,
          comment: comment ?? '',
          ...(input.softwareId ? { software_id: input.softwareId } : {}),
        }),
        {
          forbidden: 'Only the task’s assignees register working files: ask to be assigned.',
          'invalid-input': `Kitsu has revision ${path.revision} of “${path.name}” already: refresh and try again.`,
        },
      );
      return (await pathOf(input)).path;
    },
    'files:reveal': async ({ open, ...input }) => {
      const client = await session.client();
      const { path, mountPoints } = await pathOf(input);
      const target = open
        ? await latestWorkingFileOnDisk(client, mountPoints, input, path.revision)
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
