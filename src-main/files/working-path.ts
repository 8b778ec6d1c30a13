import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MountPoint } from '../../src-shared/settings';
import type { Software, WorkingPath } from '../../src-shared/working-files';
import { explainFailure } from '../kitsu/explain-failure';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { asRow, text } from '../tasks/task-comment-row';
import { localPathOf, mountPointOf } from './mount-points';

export interface WorkingPathInput {
  taskId: string;
  softwareId?: string | undefined;
  name?: string | undefined;
}

/** How far past Kitsu's last revision the disk may be before Shotdesk stops looking. */
const DISK_REVISIONS_MAX = 200;

const NO_TREE =
  'This project has no file tree yet: ask your production manager to set one in Kitsu.';

/** `POST /data/tasks/{id}/working-file-path` for one revision (0: Kitsu's next). */
async function treePath(
  client: KitsuClient,
  input: WorkingPathInput,
  name: string,
  mode: 'working' | 'preview',
  revision: number,
): Promise<{ folder: string; fileName: string }> {
  const answer = asRow(
    await explainFailure(
      client.post<unknown>(`/data/tasks/${encodeURIComponent(input.taskId)}/working-file-path`, {
        name,
        mode,
        revision,
        sep: '/',
        ...(input.softwareId ? { software_id: input.softwareId } : {}),
      }),
      { 'invalid-input': NO_TREE },
    ),
  );
  return { folder: text(answer, 'path') ?? '', fileName: text(answer, 'name') ?? '' };
}

/** The folder's file of that name, whatever its extension; null when there is none. */
function fileOnDisk(folder: string | null, fileName: string): string | null {
  if (!folder || !existsSync(folder)) return null;
  const stem = fileName.toLowerCase();
  const found = readdirSync(folder).find((entry) => {
    const lower = entry.toLowerCase();
    return lower === stem || lower.startsWith(`${stem}.`);
  });
  return found ? join(folder, found) : null;
}

const onDisk = (folder: string | null, fileName: string) => fileOnDisk(folder, fileName) !== null;

/** The newest working file of that name on this computer, below the next revision. */
export async function latestWorkingFileOnDisk(
  render: PathRenderer,
  mounts: readonly MountPoint[],
  next: number,
): Promise<string | null> {
  for (let revision = next - 1; revision >= 1; revision--) {
    const path = await render('working', revision);
    const found = fileOnDisk(localPathOf(path.folder, mounts), path.fileName);
    if (found) return found;
  }
  return null;
}

/** Renders a path of the task's tree: Kitsu's route online, the local engine offline. */
export type PathRenderer = (
  mode: 'working' | 'preview',
  revision: number,
) => Promise<{ folder: string; fileName: string }>;

/** Kitsu renders the path (`POST /data/tasks/{id}/working-file-path`). */
export function serverRenderer(client: KitsuClient, input: WorkingPathInput): PathRenderer {
  const name = input.name?.trim() || 'main';
  return (mode, revision) => treePath(client, input, name, mode, revision);
}

/** The last revision of the name Kitsu knows (0 for none). */
export async function lastKnownRevision(client: KitsuClient, input: WorkingPathInput) {
  const last = asRow(
    await client.get<unknown>(
      `/data/tasks/${encodeURIComponent(input.taskId)}/working-files/last-revisions`,
    ),
  );
  const known = asRow(last[input.name?.trim() || 'main']).revision;
  return typeof known === 'number' ? known : 0;
}

/**
 * Where the next working file of a task goes: the revision after the last one known (Kitsu's)
 * and the last one on this computer (a file saved but never registered counts), the folder
 * mapped through the production folders of Settings, and the task's preview folder (watched
 * for renders).
 */
export async function workingPathOf(
  render: PathRenderer,
  mounts: readonly MountPoint[],
  input: WorkingPathInput,
  software: Software | null,
  lastKnown: number,
  treeMountPoint: () => Promise<string | null>,
): Promise<WorkingPath> {
  const name = input.name?.trim() || 'main';
  let revision = lastKnown + 1;
  let path = await render('working', revision);
  let localFolder = localPathOf(path.folder, mounts);
  let sameNameEveryRevision = false;
  for (let step = 0; step < DISK_REVISIONS_MAX && onDisk(localFolder, path.fileName); step++) {
    const next = await render('working', revision + 1);
    // A tree without <Version> in its file names (Zou's stock "default"): no later revision
    // can have a name of its own, so the disk says nothing more.
    if (next.folder === path.folder && next.fileName === path.fileName) {
      sameNameEveryRevision = true;
      break;
    }
    revision += 1;
    path = next;
    localFolder = localPathOf(path.folder, mounts);
  }
  const preview = await render('preview', 1).catch(() => null);
  const extension = software?.fileExtension ?? '';
  return {
    taskId: input.taskId,
    softwareId: input.softwareId ?? null,
    name,
    revision,
    treeFolder: path.folder,
    fileName: path.fileName,
    localFolder,
    localFile: localFolder ? join(localFolder, `${path.fileName}${extension}`) : null,
    unmappedMountPoint: localFolder ? null : mountPointOf(path.folder, await treeMountPoint()),
    folderExists: localFolder !== null && existsSync(localFolder),
    previewFolder: preview ? localPathOf(preview.folder, mounts) : null,
    sameNameEveryRevision,
  };
}

/** The working mount point of the task's project tree, to say what to map; null if unknown. */
export async function treeMountPoint(client: KitsuClient, taskId: string): Promise<string | null> {
  try {
    const task = asRow(await client.get<unknown>(`/data/tasks/${encodeURIComponent(taskId)}`));
    const projectId = text(task, 'project_id');
    if (!projectId) return null;
    const project = asRow(
      await client.get<unknown>(`/data/projects/${encodeURIComponent(projectId)}`),
    );
    return workingMountPointOf(project.file_tree);
  } catch {
    return null;
  }
}

/** The working mount point a project's file tree names; null when it names none. */
export function workingMountPointOf(tree: unknown): string | null {
  return text(asRow(asRow(tree).working), 'mountpoint');
}

/** Kitsu's softwares, for the picker. */
export async function listSoftwares(client: KitsuClient): Promise<Software[]> {
  const rows = await client.get<unknown>('/data/softwares');
  return (Array.isArray(rows) ? rows : []).map(asRow).flatMap((row): Software[] => {
    const id = text(row, 'id');
    if (id === null || row.archived === true) return [];
    return [
      {
        id,
        name: text(row, 'name') ?? '',
        fileExtension: normalExtension(text(row, 'file_extension')),
      },
    ];
  });
}

function normalExtension(value: string | null): string {
  if (!value) return '';
  const clean = value.trim().replace(/[^A-Za-z0-9.]/g, '');
  return clean.startsWith('.') ? clean : `.${clean}`;
}
