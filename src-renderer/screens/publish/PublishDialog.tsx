import {
  Button,
  Checkbox,
  ColorSwatch,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { PUBLISH_FILES_MAX } from '../../../src-shared/publish';
import type { TodoTask } from '../../../src-shared/todo-task';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFileDrop } from '../../components/use-file-drop';
import { useSettableStatuses } from '../../queries/composer-hooks';
import { useTaskPreviews } from '../../queries/preview-hooks';
import { useSyncState } from '../../queries/sync-hooks';
import { ChecklistEditor, useChecklistDraft } from '../task-panel/ChecklistEditor';
import { entityLabel } from '../todo/todo-rows';
import { PublishFileRow } from './PublishFileRow';
import { PublishState } from './PublishState';
import {
  checkDroppedFiles,
  checkFoundFiles,
  droppedKey,
  usePublishProgress,
  useSubmitPublish,
  waitingRow,
  type DroppedFile,
} from './use-publish';

/**
 * Publishing previews on a task: the dropped files (checked by main against what Kitsu takes),
 * the status (the project's feedback request by default), a comment and a checklist, and
 * whether the first file becomes the entity's main preview. Then each upload's progress, and
 * the server's processing of the movies until they are ready.
 */
export function PublishDialog({
  task,
  initialFiles,
  initialRefs = [],
  onClose,
}: {
  task: TodoTask;
  initialFiles: File[];
  /** Files main found and granted (a render in the task's preview folder). */
  initialRefs?: string[];
  onClose(): void;
}) {
  const statuses = useSettableStatuses(task.projectId);
  const submit = useSubmitPublish(task.id);
  const projectFps = useTaskPreviews(task).data?.fps ?? null;
  const sync = useSyncState();
  const [dropped, setDropped] = useState<DroppedFile[]>([]);
  const [text, setText] = useState('');
  const checklist = useChecklistDraft();
  const [chosenStatus, setChosenStatus] = useState<string | null>(null);
  const [setMainPreview, setSetMainPreview] = useState(false);
  const [entryId, setEntryId] = useState<string | null>(null);
  const progress = usePublishProgress(entryId);
  const picker = useRef<HTMLInputElement>(null);
  const published = entryId !== null;

  const add = (files: File[]) => {
    if (published || files.length === 0) return;
    const fresh = files.filter((file) => !dropped.some((kept) => kept.key === droppedKey(file)));
    setDropped((current) => [...current, ...fresh.map(waitingRow)]);
    void checkDroppedFiles(fresh).then((checked) =>
      setDropped((current) =>
        current.map((row) => checked.find((done) => done.key === row.key) ?? row),
      ),
    );
  };
  const initial = useRef({ files: initialFiles, refs: initialRefs });
  // What the dialog opened with, once: dropped files, or renders main found.
  useEffect(() => {
    add(initial.current.files);
    void checkFoundFiles(initial.current.refs).then((found) =>
      setDropped((current) => [
        ...current,
        ...found.filter((row) => !current.some((kept) => kept.key === row.key)),
      ]),
    );
  }, []);

  const allowed = statuses.data ?? [];
  const feedback = allowed.find((status) => status.isFeedbackRequest)?.id ?? null;
  const current = allowed.some((status) => status.id === task.taskStatusId)
    ? task.taskStatusId
    : null;
  const statusId = chosenStatus ?? feedback ?? current;
  const selected = allowed.find((status) => status.id === statusId);
  const accepted = dropped.filter((row) => row.check?.accepted);
  const refusedCount = dropped.filter(
    (row) => row.error || (row.check && !row.check.accepted),
  ).length;
  const checking = dropped.some((row) => row.check === null && row.error === null);
  const tooMany = accepted.length > PUBLISH_FILES_MAX;
  const canPublish =
    !published &&
    !checking &&
    !tooMany &&
    accepted.length > 0 &&
    statusId !== null &&
    !submit.isPending;

  const publish = () => {
    if (!canPublish || statusId === null) return;
    submit.mutate(
      {
        taskId: task.id,
        files: accepted.map((row) => row.check!.ref),
        text,
        taskStatusId: statusId,
        baseStatusId: task.taskStatusId,
        checklist: checklist.toSend(),
        setMainPreview,
      },
      { onSuccess: ({ entryId: id }) => setEntryId(id) },
    );
  };

  const { dragging, handlers } = useFileDrop(add, published);
  const offline = sync.data?.connectivity === 'offline';
  const shownFiles = published ? accepted : dropped;

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={`Publish on ${entityLabel(task)} · ${task.taskTypeName}`}
      closeOnClickOutside={!submit.isPending}
      data-testid="publish-dialog"
    >
      <Stack
        gap="md"
        {...handlers}
        style={
          dragging
            ? { outline: '2px dashed var(--mantine-primary-color-filled)', outlineOffset: 4 }
            : undefined
        }
      >
        <Stack gap="xs" data-testid="publish-files">
          {shownFiles.map((row) => (
            <PublishFileRow
              key={row.key}
              dropped={row}
              projectFps={projectFps}
              progress={progress?.files[accepted.indexOf(row)] ?? null}
              onRemove={
                published
                  ? undefined
                  : () => setDropped((kept) => kept.filter((other) => other !== row))
              }
            />
          ))}
          {!published && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {dropped.length === 0 ? 'Drop movies or pictures here, or' : 'Drop more files, or'}
              </Text>
              <Button variant="subtle" size="compact-sm" onClick={() => picker.current?.click()}>
                choose files
              </Button>
              <input
                ref={picker}
                type="file"
                multiple
                hidden
                onChange={(event) => {
                  add(Array.from(event.currentTarget.files ?? []));
                  event.currentTarget.value = '';
                }}
                data-testid="publish-pick"
              />
            </Group>
          )}
          {!published && refusedCount > 0 && accepted.length > 0 && (
            <Text size="xs" c="orange">
              {refusedCount === 1 ? 'One file is' : `${refusedCount} files are`} left out: Kitsu
              would refuse {refusedCount === 1 ? 'it' : 'them'}.
            </Text>
          )}
          {tooMany && (
            <Text size="xs" c="red">
              One publish takes at most {PUBLISH_FILES_MAX} files: remove some.
            </Text>
          )}
        </Stack>

        {!published ? (
          <>
            <Textarea
              label="Comment"
              placeholder="What changed in this version"
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={8}
              data-testid="publish-text"
            />
            {checklist.items.length > 0 && <ChecklistEditor draft={checklist} disabled={false} />}
            <Group justify="space-between" align="flex-end">
              <Group gap="md" align="flex-end">
                <Select
                  label="Status"
                  data={allowed.map((status) => ({ value: status.id, label: status.name }))}
                  value={statusId}
                  onChange={setChosenStatus}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  leftSection={selected ? <ColorSwatch color={selected.color} size={14} /> : null}
                  w={220}
                  data-testid="publish-status"
                />
                <Button
                  variant="subtle"
                  size="xs"
                  disabled={checklist.full}
                  onClick={() => checklist.add()}
                >
                  Checklist item
                </Button>
              </Group>
              <Checkbox
                label="Set as main preview"
                checked={setMainPreview}
                onChange={(event) => setSetMainPreview(event.currentTarget.checked)}
                data-testid="publish-set-main"
              />
            </Group>
            {submit.isError && (
              <ErrorAlert
                title="Nothing was published"
                error={submit.error}
                hint="Your files and comment are kept here: publish again when the problem is solved."
                testId="publish-error"
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button
                onClick={publish}
                disabled={!canPublish}
                loading={submit.isPending}
                data-testid="publish-submit"
              >
                Publish {accepted.length > 0 ? accepted.length : ''}{' '}
                {accepted.length === 1 ? 'file' : 'files'}
              </Button>
            </Group>
          </>
        ) : (
          <PublishState taskId={task.id} progress={progress} offline={offline} onClose={onClose} />
        )}
      </Stack>
    </Modal>
  );
}
