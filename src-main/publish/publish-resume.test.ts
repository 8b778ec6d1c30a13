import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  openTestOutbox,
  startOutboxStudio,
  type OutboxStudio,
} from '../sync/test-support/outbox-studio';
import { queuePublish } from './queue-publish';
import type { PublishPayload } from './publish-payload';
import { PreviewFixtures } from './test-support/preview-fixtures';

// A publish whose app died halfway: the comment was posted and a preview made and filled on
// the server, but the outbox recorded none of it. The next start must finish the same comment:
// no second comment, no second preview for the first file, no second upload.

let studio: OutboxStudio;
const files = new PreviewFixtures();

beforeAll(async () => {
  studio = await startOutboxStudio();
}, 60_000);

afterAll(async () => {
  await studio?.close();
  files.remove();
});

interface ServerComment {
  id: string;
  text: string;
  previews: { id: string; position: number; original_name: string | null }[];
}

const commentsWith = async (taskId: string, text: string) =>
  (
    (await studio.jordan.expectOk('GET', `/data/tasks/${taskId}/comments`)) as ServerComment[]
  ).filter((comment) => comment.text === text);

/**
 * A publish of `paths` queued in a fresh outbox that has not started, and what the attempt
 * that crashed did on the server, unrecorded: the comment and one preview row on it.
 */
async function interruptedPublish(paths: string[], text: string, setMainPreview: boolean) {
  const [taskId] = await studio.tasksIn('todo');
  const app = await openTestOutbox(studio, { start: false });
  for (const path of paths) app.granted.grant(path);
  const entry = await queuePublish(
    app.outbox,
    app.granted,
    { taskId: taskId!, files: paths, text, taskStatusId: studio.statusId('wfa'), setMainPreview },
    {
      author: { id: studio.jordan.personId, fullName: 'Jordan Reyes' },
      status: null,
      mentions: [],
      taskLabel: null,
      knownStatusId: await studio.taskStatusId(taskId!),
    },
  );
  const comment = (await studio.jordan.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
    task_status_id: studio.statusId('wfa'),
    comment: text,
  })) as { id: string };
  const preview = (await studio.jordan.expectOk(
    'POST',
    `/actions/tasks/${taskId}/comments/${comment.id}/add-preview`,
    {},
  )) as { id: string };
  return { taskId: taskId!, app, entry, comment, preview };
}

describe('a publish interrupted after its first steps landed', () => {
  it('resumes on the same comment, adopting the preview and the upload it finds', async () => {
    const first = await files.png('first.png');
    const second = await files.png('second.png', 200, 100);
    const text = 'Lighting pass, two angles';
    const { taskId, app, entry, comment, preview } = await interruptedPublish(
      [first, second],
      text,
      true,
    );
    const form = new FormData();
    form.append('file', new Blob([readFileSync(first)]), 'first.png');
    const uploaded = await fetch(`${studio.server.baseUrl}/pictures/preview-files/${preview.id}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${studio.jordan.token}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    // The crash came after the comment's answer was recorded, before the preview's.
    const payload = {
      ...(entry.payload as PublishPayload),
      commentId: comment.id,
      statusAfter: null,
    };
    app.outbox.store.updatePayload(entry.id, payload);
    app.outbox.store.markSending(entry.id);

    app.outbox.start();
    await vi
      .waitFor(() => expect(app.outbox.store.get(entry.id)).toBeNull(), { timeout: 20_000 })
      .catch((error: unknown) => {
        throw new Error(`${String(error)}: ${JSON.stringify(app.outbox.store.get(entry.id))}`);
      });
    await app.close();

    const landed = await commentsWith(taskId!, text);
    expect(landed).toHaveLength(1);
    expect(landed[0]!.previews.map((p) => [p.position, p.original_name])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
    expect(landed[0]!.previews[0]!.id).toBe(preview.id);
    const task = (await studio.jordan.expectOk('GET', `/data/tasks/${taskId}`)) as {
      entity_id: string;
    };
    const entity = (await studio.jordan.expectOk('GET', `/data/entities/${task.entity_id}`)) as {
      preview_file_id: string | null;
    };
    expect(entity.preview_file_id).toBe(landed[0]!.previews[0]!.id);
  });

  it('stops, saying what is on the server already, when a preview it made was deleted', async () => {
    const file = await files.png('gone.png');
    const { app, entry, comment, preview } = await interruptedPublish(
      [file],
      'A preview someone deletes',
      false,
    );
    await studio.admin.expectOk('DELETE', `/data/preview-files/${preview.id}`);
    app.outbox.store.updatePayload(entry.id, {
      ...(entry.payload as PublishPayload),
      commentId: comment.id,
      previews: [{ previewFileId: preview.id, uploaded: false }],
    });

    app.outbox.start();
    await vi.waitFor(() => expect(app.outbox.store.get(entry.id)?.state).toBe('failed'), {
      timeout: 20_000,
    });
    const [stopped] = app.outbox.conflicts();
    expect(stopped).toMatchObject({ id: entry.id, state: 'failed', area: 'thread' });
    expect(stopped!.reason).toMatch(/deleted on the server/);
    expect(stopped!.alreadySent).toBe(
      'Its comment is on the server already, with 0 of its 1 files; discarding stops the rest.',
    );
    await app.close();
  });
});
