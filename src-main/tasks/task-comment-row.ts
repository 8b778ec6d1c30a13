import type {
  CommentAttachment,
  CommentChecklistItem,
  CommentPreview,
  CommentPersonRef,
  CommentReply,
  TaskComment,
  TaskStatusRef,
} from '../../src-shared/task-comment';

export type Row = Record<string, unknown>;

export const asRow = (value: unknown): Row =>
  (value && typeof value === 'object' ? value : {}) as Row;

export const text = (row: Row, key: string): string | null => {
  const value = row[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

/** Resolves a person id to a name, for mentions; unknown ids are dropped. */
export type PersonNames = (id: string) => string | null;

export function toStatusRef(value: unknown): TaskStatusRef | null {
  const row = asRow(value);
  const id = text(row, 'id');
  if (id === null) return null;
  return {
    id,
    name: text(row, 'name') ?? '',
    shortName: text(row, 'short_name') ?? '',
    color: text(row, 'color') ?? '#999999',
  };
}

/** One comment row (REFERENCE §5), tolerant of missing keys; the POST answer has the same shape. */
export function toTaskComment(value: unknown, names: PersonNames = () => null): TaskComment {
  const row = asRow(value);
  const attachments = Array.isArray(row.attachment_files) ? row.attachment_files.map(asRow) : [];
  return {
    id: text(row, 'id') ?? '',
    text: typeof row.text === 'string' ? row.text : '',
    createdAt: text(row, 'created_at') ?? '',
    person: toPersonRef(row.person, text(row, 'person_id')),
    taskStatus: toStatusRef(row.task_status),
    checklist: Array.isArray(row.checklist) ? row.checklist.flatMap(toChecklistItem) : [],
    replies: Array.isArray(row.replies)
      ? row.replies.map((reply) => toCommentReply(reply, attachments, names))
      : [],
    acknowledgedBy: ids(row.acknowledgements),
    mentions: toMentions(row.mentions, names),
    attachments: attachments.filter((file) => !text(file, 'reply_id')).flatMap(toAttachment),
    previews: Array.isArray(row.previews) ? row.previews.flatMap(toCommentPreview) : [],
    outboxState: null,
  };
}

const number = (row: Row, key: string): number | null =>
  typeof row[key] === 'number' && Number.isFinite(row[key]) ? row[key] : null;

/** A preview as a comment embeds it; Kitsu sends bare ids in some answers, skipped here. */
function toCommentPreview(value: unknown): CommentPreview[] {
  const row = asRow(value);
  const id = text(row, 'id');
  if (id === null) return [];
  const status = text(row, 'status');
  return [
    {
      id,
      revision: number(row, 'revision') ?? 0,
      position: number(row, 'position') ?? 1,
      extension: (text(row, 'extension') ?? '').toLowerCase(),
      status: status === 'processing' || status === 'broken' ? status : 'ready',
      width: number(row, 'width'),
      height: number(row, 'height'),
      duration: number(row, 'duration'),
      originalName: text(row, 'original_name'),
    },
  ];
}

/** A reply element; its attachments are the comment's files that name it as their reply. */
export function toCommentReply(
  value: unknown,
  commentAttachments: Row[],
  names: PersonNames = () => null,
): CommentReply {
  const row = asRow(value);
  const id = text(row, 'id') ?? '';
  return {
    id,
    text: typeof row.text === 'string' ? row.text : '',
    createdAt: text(row, 'created_at') ?? text(row, 'date') ?? '',
    person: toPersonRef(row.person, text(row, 'person_id'), names),
    mentions: toMentions(row.mentions, names),
    attachments: commentAttachments
      .filter((file) => id !== '' && text(file, 'reply_id') === id)
      .flatMap(toAttachment),
  };
}

function toPersonRef(
  value: unknown,
  fallbackId: string | null,
  names: PersonNames = () => null,
): CommentPersonRef {
  const person = asRow(value);
  const id = text(person, 'id') ?? fallbackId ?? '';
  const fullName =
    text(person, 'full_name') ??
    ([text(person, 'first_name'), text(person, 'last_name')].filter(Boolean).join(' ') ||
      names(id) ||
      '');
  return { id, fullName };
}

function toMentions(value: unknown, names: PersonNames): CommentPersonRef[] {
  return ids(value).flatMap((id) => {
    const fullName = names(id);
    return fullName === null ? [] : [{ id, fullName }];
  });
}

function toAttachment(row: Row): CommentAttachment[] {
  const id = text(row, 'id');
  if (id === null) return [];
  const name = text(row, 'name') ?? 'attachment';
  return [
    {
      id,
      name,
      extension: text(row, 'extension') ?? '',
      size: typeof row.size === 'number' ? row.size : 0,
    },
  ];
}

export function toChecklistItem(value: unknown): CommentChecklistItem[] {
  const row = asRow(value);
  return typeof row.text === 'string' ? [{ text: row.text, checked: row.checked === true }] : [];
}
