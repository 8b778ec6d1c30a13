import type { PublishProgress } from '../../src-shared/publish';
import type { OutboxEntry } from '../sync/outbox-entry';
import { publishPayload } from './publish-kind';

/** A publish entry as its dialog follows it: the steps recorded, the bytes sent meanwhile. */
export function publishProgressOf(
  entry: OutboxEntry,
  sentBytes: readonly number[],
): PublishProgress {
  const payload = publishPayload(entry);
  return {
    entryId: entry.id,
    taskId: entry.taskId ?? '',
    state: entry.state,
    commentId: payload.commentId,
    files: payload.files.map((file, index) => {
      const preview = payload.previews[index];
      const uploaded = preview?.uploaded === true;
      const sent = uploaded ? file.size : Math.min(sentBytes[index] ?? 0, file.size);
      return {
        name: file.name,
        size: file.size,
        sentBytes: sent,
        state: uploaded
          ? 'uploaded'
          : entry.state === 'sending' && sent > 0
            ? 'uploading'
            : 'waiting',
        previewFileId: preview?.previewFileId ?? null,
      };
    }),
  };
}
