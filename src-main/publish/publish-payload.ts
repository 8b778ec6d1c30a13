import { z } from 'zod';
import { commentPayloadSchema, type CommentPayload } from '../sync/outbox-comment-payload';
import { outboxFileSchema } from '../sync/outbox-files';

/**
 * A publish waiting in the outbox: the comment as a comment write carries it, the files kept
 * beside the cache, and how far it got — each step is recorded as it lands, so that a replay
 * resumes after it and never makes a second comment or preview.
 */
export const publishPayloadSchema = commentPayloadSchema.extend({
  files: z.array(outboxFileSchema).min(1),
  setMainPreview: z.boolean(),
  /** The comment on the server, once posted. */
  commentId: z.string().nullable(),
  /** The task's status the comment left, once posted. */
  statusAfter: z.string().nullable(),
  /** Preview files on the server, by file position, in the order they were made. */
  previews: z.array(z.object({ previewFileId: z.string(), uploaded: z.boolean() })),
});

export type PublishPayload = z.infer<typeof publishPayloadSchema>;

/** The comment part, as the comment write posts it (the files are previews, not attachments). */
export function commentPartOf(payload: PublishPayload): CommentPayload {
  return commentPayloadSchema.parse({ ...payload, attachments: [] });
}
