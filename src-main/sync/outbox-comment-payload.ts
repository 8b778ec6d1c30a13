import { z } from 'zod';
import { outboxFileSchema } from './outbox-files';

const statusRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  color: z.string(),
});

const personRefSchema = z.object({ id: z.string(), fullName: z.string() });

/** A comment waiting in the outbox: what `POST /actions/tasks/{id}/comment` will carry, and how it shows meanwhile. */
export const commentPayloadSchema = z.object({
  text: z.string(),
  /** The status the person chose. */
  taskStatusId: z.string(),
  /** That status, for showing the comment before the server has it; null when unknown. */
  status: statusRefSchema.nullable(),
  checklist: z.array(z.object({ text: z.string(), checked: z.boolean() })),
  /** Copies kept in the outbox's folder, by position. */
  attachments: z.array(outboxFileSchema),
  author: personRefSchema,
  mentions: z.array(personRefSchema),
  /** "SQ010 / SH060 · Animation", when main knew it. */
  taskLabel: z.string().nullable(),
});

export type CommentPayload = z.infer<typeof commentPayloadSchema>;
