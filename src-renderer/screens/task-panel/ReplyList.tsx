import { Group, Stack, Text } from '@mantine/core';
import type { CommentReply } from '../../../src-shared/task-comment';
import { fullDate, relativeDate } from '../todo/comment-format';
import { CommentAttachments } from './CommentAttachments';
import { CommentMarkdown } from './markdown/CommentMarkdown';
import { OutboxBadge } from './OutboxBadge';

/** The answers to a comment, oldest first, indented under it. */
export function ReplyList({
  replies,
  myId,
}: {
  replies: readonly CommentReply[];
  myId: string | null;
}) {
  return (
    <Stack
      gap="xs"
      pl="sm"
      style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
      data-testid="comment-replies"
    >
      {replies.map((reply) => (
        <Stack
          key={reply.id}
          gap={2}
          data-testid="comment-reply"
          data-outbox-state={reply.outboxState ?? undefined}
        >
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} data-testid="reply-author">
              {reply.person.fullName || 'Someone'}
            </Text>
            <Text size="xs" c="dimmed" title={fullDate(reply.createdAt)}>
              {relativeDate(reply.createdAt)}
            </Text>
            {reply.outboxState && <OutboxBadge state={reply.outboxState} />}
          </Group>
          {reply.text !== '' && (
            <CommentMarkdown
              text={reply.text}
              mentions={reply.mentions}
              myId={myId}
              testId="reply-text-body"
            />
          )}
          {reply.attachments.length > 0 && <CommentAttachments attachments={reply.attachments} />}
        </Stack>
      ))}
    </Stack>
  );
}
