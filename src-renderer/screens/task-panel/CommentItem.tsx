import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { CommentPreview, TaskComment } from '../../../src-shared/task-comment';
import { ColorChip } from '../../components/ColorChip';
import { fullDate, relativeDate } from '../todo/comment-format';
import { ReplyIcon } from '../../components/icons';
import { AckButton } from './AckButton';
import { CommentAttachments } from './CommentAttachments';
import { CommentChecklist } from './CommentChecklist';
import { CommentMarkdown } from './markdown/CommentMarkdown';
import { CommentPreviews } from './CommentPreviews';
import { OutboxBadge } from './OutboxBadge';
import { ReplyBox } from './ReplyBox';
import { ReplyList } from './ReplyList';

/** One comment of the thread, with its checklist, files, acknowledgements and replies. */
export function CommentItem({
  taskId,
  comment,
  myId,
  onOpenPreview,
}: {
  taskId: string;
  comment: TaskComment;
  myId: string | null;
  /** Opens the task's player on a preview of this comment. */
  onOpenPreview?: (preview: CommentPreview) => void;
}) {
  // Not on the server yet: nothing to reply to, acknowledge, tick or download there.
  const unsent = comment.outboxState !== null;
  const [replying, setReplying] = useState(false);
  const [draft, setDraft] = useState('');
  const replyButton = useRef<HTMLButtonElement>(null);
  const closeReply = () => {
    setReplying(false);
    replyButton.current?.focus();
  };
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="comment"
      data-comment-id={comment.id}
      data-outbox-state={comment.outboxState ?? undefined}
      style={unsent ? { borderStyle: 'dashed' } : undefined}
    >
      <Stack gap={8}>
        <Group gap="xs" wrap="nowrap">
          {comment.taskStatus && (
            <span data-testid="comment-status-chip">
              <ColorChip
                color={comment.taskStatus.color}
                label={comment.taskStatus.shortName || comment.taskStatus.name}
                title={comment.taskStatus.name}
              />
            </span>
          )}
          <Text size="sm" fw={600} truncate="end" data-testid="comment-author">
            {comment.person.fullName || 'Someone'}
          </Text>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} title={fullDate(comment.createdAt)}>
            {relativeDate(comment.createdAt)}
          </Text>
          {comment.outboxState && <OutboxBadge state={comment.outboxState} />}
        </Group>
        {comment.text !== '' && (
          <CommentMarkdown
            text={comment.text}
            mentions={comment.mentions}
            myId={myId}
            testId="comment-text-body"
          />
        )}
        {comment.checklist.length > 0 && (
          <CommentChecklist taskId={taskId} comment={comment} readOnly={unsent} />
        )}
        {comment.previews.length > 0 && (
          <CommentPreviews
            previews={comment.previews}
            onOpen={unsent || !onOpenPreview ? undefined : onOpenPreview}
          />
        )}
        {comment.attachments.length > 0 && (
          <CommentAttachments attachments={comment.attachments} readOnly={unsent} />
        )}
        {!unsent && (
          <Group gap="xs">
            <AckButton
              taskId={taskId}
              commentId={comment.id}
              acknowledgedBy={comment.acknowledgedBy}
              pending={comment.acknowledgementPending === true}
              myId={myId}
            />
            <Button
              ref={replyButton}
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<ReplyIcon />}
              onClick={() => setReplying(true)}
              aria-expanded={replying}
              data-testid="comment-reply-open"
            >
              Reply
            </Button>
          </Group>
        )}
        {comment.replies.length > 0 && <ReplyList replies={comment.replies} myId={myId} />}
        {replying && (
          <ReplyBox
            taskId={taskId}
            commentId={comment.id}
            draft={draft}
            onDraftChange={setDraft}
            onClose={closeReply}
          />
        )}
      </Stack>
    </Paper>
  );
}
