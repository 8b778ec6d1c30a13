import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { StudioApi } from './studio-api';

/**
 * Publishes a file on a task as any Kitsu client does (a comment, a preview row on it, the
 * upload) and waits until the server made it ready; answers the preview file's id. A movie
 * the server cannot convert fails the caller.
 */
export async function publishPreviewFile(
  api: StudioApi,
  taskId: string,
  path: string,
  text = `Preview ${basename(path)}`,
): Promise<string> {
  const task = (await api.expectOk('GET', `/data/tasks/${taskId}`)) as { task_status_id: string };
  const comment = (await api.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
    task_status_id: task.task_status_id,
    comment: text,
  })) as { id: string };
  const preview = (await api.expectOk(
    'POST',
    `/actions/tasks/${taskId}/comments/${comment.id}/add-preview`,
    {},
  )) as { id: string };
  const form = new FormData();
  form.append('file', new Blob([readFileSync(path)]), basename(path));
  const upload = await fetch(`${api.apiUrl}/pictures/preview-files/${preview.id}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${api.token}` },
    body: form,
  });
  if (upload.status !== 201) throw new Error(`upload of ${path}: HTTP ${upload.status}`);
  // Movies convert in the server's job queue; waiting for it is the caller's precondition.
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    const row = (await api.expectOk('GET', `/data/preview-files/${preview.id}`)) as {
      status: string;
    };
    if (row.status === 'ready') return preview.id;
    if (row.status === 'broken') throw new Error(`The server could not convert ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not convert ${path} in two minutes`);
}
