import {
  Alert,
  Button,
  ColorSwatch,
  Drawer,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { COMMENT_TEXT_MAX, type TaskComment } from '../../../src-shared/task-comment';
import type { TodoTask } from '../../../src-shared/todo-task';
import { ColorChip } from '../../components/ColorChip';
import { errorMessage } from '../../ipc/ipc-call-error';
import { usePostComment, useSettableStatuses, useTaskComments } from '../../queries/hooks';
import { fullDate, relativeDate } from './comment-format';
import { entityLabel, formatMinutes } from './todo-rows';

/** The opened task: its header, a composer with a status picker, and the comment thread. */
export function TaskPanel({ task, onClose }: { task: TodoTask | null; onClose(): void }) {
  return (
    <Drawer
      opened={task !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={task ? entityLabel(task) : ''}
      styles={{ title: { fontWeight: 700 } }}
      data-testid="task-panel"
    >
      {task && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {task.projectName}
          </Text>
          <Group gap="xs">
            <ColorChip color={task.taskTypeColor} label={task.taskTypeName} />
            <span data-testid="task-panel-status">
              <ColorChip color={task.taskStatusColor} label={task.taskStatusName} />
            </span>
            <Text size="xs" c="dimmed">
              Due {task.dueDate ?? 'not planned'} · estimated {formatMinutes(task.estimation)},
              spent {formatMinutes(task.duration)}
            </Text>
          </Group>
          <Composer key={task.id} task={task} />
          <Thread taskId={task.id} />
        </Stack>
      )}
    </Drawer>
  );
}

function Composer({ task }: { task: TodoTask }) {
  const statuses = useSettableStatuses();
  const post = usePostComment(task.id);
  const [text, setText] = useState('');
  const allowed = statuses.data ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  // The task's current status until the person picks one, when they may set it.
  const current = allowed.some((status) => status.id === task.taskStatusId)
    ? task.taskStatusId
    : null;
  const statusId = chosen ?? current;
  const selected = allowed.find((status) => status.id === statusId);
  const unchanged = statusId === task.taskStatusId && text.trim() === '';
  const canPost = statusId !== null && !unchanged && !post.isPending;

  const submit = () => {
    if (!canPost || statusId === null) return;
    post.mutate(
      { text, taskStatusId: statusId },
      {
        onSuccess: () => {
          setText('');
          setChosen(null);
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" radius="md" data-testid="comment-composer">
      <Stack gap="xs">
        <Textarea
          aria-label="Comment"
          placeholder="Write a comment (Ctrl+Enter posts it)"
          autosize
          minRows={3}
          maxRows={12}
          maxLength={COMMENT_TEXT_MAX}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
          }}
          data-testid="comment-text"
        />
        <Group justify="space-between" wrap="nowrap">
          <Select
            aria-label="Status"
            placeholder={statuses.isLoading ? 'Loading statuses…' : 'Choose a status'}
            data={allowed.map((status) => ({ value: status.id, label: status.name }))}
            value={statusId}
            onChange={setChosen}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            leftSection={selected ? <ColorSwatch color={selected.color} size={14} /> : null}
            renderOption={({ option }) => {
              const status = allowed.find((row) => row.id === option.value);
              return (
                <Group gap="xs" wrap="nowrap">
                  <ColorSwatch color={status?.color ?? '#999'} size={14} />
                  <span>{option.label}</span>
                </Group>
              );
            }}
            w={240}
            data-testid="comment-status"
          />
          <Button
            onClick={submit}
            disabled={!canPost}
            loading={post.isPending}
            data-testid="comment-post"
          >
            Post
          </Button>
        </Group>
        {statuses.isError && (
          <Alert color="red" role="alert" title="The statuses could not be loaded">
            <Text size="sm">{errorMessage(statuses.error)}</Text>
            <Button
              mt="xs"
              size="xs"
              variant="light"
              color="red"
              onClick={() => void statuses.refetch()}
            >
              Try again
            </Button>
          </Alert>
        )}
        {post.isError && (
          <Alert
            color="red"
            role="alert"
            title="Your comment was not posted"
            data-testid="comment-error"
          >
            <Text size="sm">{errorMessage(post.error)}</Text>
            <Text size="xs" c="dimmed">
              Your text is kept: post again when the problem is solved.
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Thread({ taskId }: { taskId: string }) {
  const comments = useTaskComments(taskId);
  if (comments.isLoading) {
    return (
      <Stack gap="sm" aria-busy data-testid="comments-loading">
        {Array.from({ length: 3 }, (_, index) => (
          <Skeleton key={index} height={72} radius="md" />
        ))}
      </Stack>
    );
  }
  if (comments.isError) {
    return (
      <Alert color="red" role="alert" title="The comments could not be loaded">
        <Text size="sm">{errorMessage(comments.error)}</Text>
        <Button
          mt="xs"
          size="xs"
          variant="light"
          color="red"
          onClick={() => void comments.refetch()}
        >
          Try again
        </Button>
      </Alert>
    );
  }
  const rows = comments.data ?? [];
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="comments-empty">
        No comment yet. Write the first one above.
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="comment-thread">
      {rows.map((comment) => (
        <CommentItem key={comment.id} comment={comment} />
      ))}
    </Stack>
  );
}

function CommentItem({ comment }: { comment: TaskComment }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid="comment">
      <Stack gap={6}>
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
          <Text size="sm" fw={600} data-testid="comment-author">
            {comment.person.fullName || 'Someone'}
          </Text>
          <Text size="xs" c="dimmed" title={fullDate(comment.createdAt)}>
            {relativeDate(comment.createdAt)}
          </Text>
        </Group>
        {comment.text !== '' && (
          // Plain text: React escapes it; pre-wrap keeps the author's line breaks.
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="comment-text-body"
          >
            {comment.text}
          </Text>
        )}
        {comment.checklist.length > 0 && (
          <Stack gap={2}>
            {comment.checklist.map((item, index) => (
              <Text key={index} size="sm">
                {item.checked ? '☑' : '☐'} {item.text}
              </Text>
            ))}
          </Stack>
        )}
        {(comment.replyCount > 0 || comment.attachmentNames.length > 0) && (
          <Text size="xs" c="dimmed">
            {comment.replyCount > 0 &&
              `${comment.replyCount} ${comment.replyCount === 1 ? 'reply' : 'replies'}`}
            {comment.replyCount > 0 && comment.attachmentNames.length > 0 && ' · '}
            {comment.attachmentNames.length > 0 &&
              `Attachments: ${comment.attachmentNames.join(', ')}`}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
