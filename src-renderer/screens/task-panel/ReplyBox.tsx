import { Button, Group, Stack, Textarea } from '@mantine/core';
import { COMMENT_TEXT_MAX } from '../../../src-shared/task-comment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReply } from '../../queries/thread-hooks';
import { submitOnCtrlEnter } from './submit-keys';

/**
 * The small box that answers a comment. Ctrl+Enter sends; Escape closes it, and the draft
 * waits (held by the comment) until the box opens again.
 */
export function ReplyBox({
  taskId,
  commentId,
  draft,
  onDraftChange,
  onClose,
}: {
  taskId: string;
  commentId: string;
  draft: string;
  onDraftChange(text: string): void;
  onClose(): void;
}) {
  const reply = useReply(taskId, commentId);
  const canSend = draft.trim() !== '' && !reply.isPending;
  const send = () => {
    if (!canSend) return;
    reply.mutate(draft, {
      onSuccess: () => {
        onDraftChange('');
        onClose();
      },
    });
  };
  return (
    <Stack gap={6} data-testid="reply-box">
      <Textarea
        aria-label="Reply"
        placeholder="Write a reply (Ctrl+Enter sends, Esc closes)"
        autosize
        minRows={2}
        maxRows={8}
        maxLength={COMMENT_TEXT_MAX}
        value={draft}
        // The person asked for the box: typing starts at once.
        autoFocus
        onChange={(event) => onDraftChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (submitOnCtrlEnter(event, send)) return;
          if (event.key === 'Escape') {
            // Closes the box, not the whole task panel.
            event.stopPropagation();
            onClose();
          }
        }}
        data-testid="reply-text"
      />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onClose} data-testid="reply-cancel">
          Cancel
        </Button>
        <Button
          size="xs"
          onClick={send}
          disabled={!canSend}
          loading={reply.isPending}
          data-testid="reply-send"
        >
          Send reply
        </Button>
      </Group>
      {reply.isError && (
        <ErrorAlert
          title="Your reply was not sent"
          error={reply.error}
          hint="Your text is kept: send it again when the problem is solved."
          testId="reply-error"
        />
      )}
    </Stack>
  );
}
