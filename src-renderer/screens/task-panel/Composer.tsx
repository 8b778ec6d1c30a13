import { Alert, Button, ColorSwatch, Group, List, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { TodoTask } from '../../../src-shared/todo-task';
import { errorMessage } from '../../ipc/ipc-call-error';
import { useMentionable, usePostComment, useSettableStatuses } from '../../queries/composer-hooks';
import { ChecklistIcon } from '../../components/icons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFileDrop } from '../../components/use-file-drop';
import { AttachButton, AttachmentChips } from './AttachmentChips';
import { addFiles } from './attachment-rules';
import { ChecklistEditor, useChecklistDraft } from './ChecklistEditor';
import { MentionTextarea } from './MentionTextarea';

/**
 * Writes a comment on the task: text with `@` mentions, a checklist, attached files (dropped
 * on it or picked), and the status it leaves the task in. A failed post keeps everything.
 */
export function Composer({ task }: { task: TodoTask }) {
  const statuses = useSettableStatuses(task.projectId);
  const mentionable = useMentionable(task.id);
  const post = usePostComment(task.id);
  const [text, setText] = useState('');
  const checklist = useChecklistDraft();
  const [files, setFiles] = useState<File[]>([]);
  const [refusals, setRefusals] = useState<string[]>([]);
  const allowed = statuses.data ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  // The task's current status until the person picks one, when they may set it.
  const current = allowed.some((status) => status.id === task.taskStatusId)
    ? task.taskStatusId
    : null;
  const statusId = chosen ?? current;
  const selected = allowed.find((status) => status.id === statusId);
  const busy = post.isPending;
  const items = checklist.toSend();
  const saysSomething =
    statusId !== task.taskStatusId || text.trim() !== '' || items.length > 0 || files.length > 0;
  const canPost = statusId !== null && saysSomething && !busy;

  const attach = (incoming: File[]) => {
    if (busy || incoming.length === 0) return;
    const added = addFiles(files, incoming);
    setFiles(added.files);
    setRefusals(added.refusals);
  };

  const submit = () => {
    if (!canPost || statusId === null) return;
    post.mutate(
      { text, taskStatusId: statusId, baseStatusId: task.taskStatusId, checklist: items, files },
      {
        onSuccess: () => {
          setText('');
          setChosen(null);
          checklist.clear();
          setFiles([]);
          setRefusals([]);
        },
      },
    );
  };

  const { dragging, handlers: dropHandlers } = useFileDrop(attach, busy);

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="comment-composer"
      data-dragging={dragging || undefined}
      style={
        dragging
          ? {
              borderStyle: 'dashed',
              borderColor: 'var(--mantine-primary-color-filled)',
              background: 'var(--mantine-primary-color-light)',
            }
          : undefined
      }
      {...dropHandlers}
    >
      <Stack gap="xs">
        <MentionTextarea
          value={text}
          onChange={setText}
          candidates={mentionable.data ?? []}
          onSubmit={submit}
          readOnly={busy}
        />
        {mentionable.isError && text.includes('@') && (
          <Text size="xs" c="dimmed" data-testid="mention-error">
            No one to suggest after @: {errorMessage(mentionable.error)}
          </Text>
        )}
        {dragging && (
          <Text size="sm" c="dimmed" ta="center">
            Drop the files to attach them
          </Text>
        )}
        {checklist.items.length > 0 && <ChecklistEditor draft={checklist} disabled={busy} />}
        {files.length > 0 && (
          <AttachmentChips
            files={files}
            disabled={busy}
            onRemove={(file) => setFiles((current) => current.filter((kept) => kept !== file))}
          />
        )}
        {refusals.length > 0 && (
          <Alert
            color="orange"
            title={refusals.length === 1 ? 'A file was not attached' : 'Files were not attached'}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setRefusals([])}
            data-testid="attachment-refused"
          >
            <List size="sm" spacing={2}>
              {refusals.map((refusal) => (
                <List.Item key={refusal}>{refusal}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap={4} wrap="nowrap">
            <AttachButton onFiles={attach} disabled={busy} />
            <Button
              variant="subtle"
              size="xs"
              leftSection={<ChecklistIcon size={14} />}
              disabled={busy || checklist.full}
              onClick={() => checklist.add()}
              data-testid="checklist-add"
            >
              Checklist item
            </Button>
          </Group>
          <Group gap="xs" wrap="nowrap" ml="auto">
            <Select
              aria-label="Status"
              placeholder={statuses.isLoading ? 'Loading statuses…' : 'Choose a status'}
              data={allowed.map((status) => ({ value: status.id, label: status.name }))}
              value={statusId}
              onChange={setChosen}
              allowDeselect={false}
              disabled={busy}
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
              w={190}
              data-testid="comment-status"
            />
            <Button onClick={submit} disabled={!canPost} loading={busy} data-testid="comment-post">
              Post
            </Button>
          </Group>
        </Group>
        {busy && files.length > 0 && (
          <Text size="xs" c="dimmed" ta="right" data-testid="comment-sending">
            Sending the comment with {files.length} {files.length === 1 ? 'file' : 'files'}…
          </Text>
        )}
        {statuses.isError && (
          <ErrorAlert
            title="The statuses could not be loaded"
            error={statuses.error}
            onRetry={() => void statuses.refetch()}
          />
        )}
        {post.isError && (
          <ErrorAlert
            title="Your comment was not posted"
            error={post.error}
            hint="Your text, checklist and files are kept: post again when the problem is solved."
            testId="comment-error"
          />
        )}
      </Stack>
    </Paper>
  );
}
