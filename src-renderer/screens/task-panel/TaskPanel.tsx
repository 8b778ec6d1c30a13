import { Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { TodoTask } from '../../../src-shared/todo-task';
import { ColorChip } from '../../components/ColorChip';
import { PreviewImage } from '../../components/PreviewImage';
import { useFileDrop } from '../../components/use-file-drop';
import { useUiStore } from '../../state/ui-store';
import { FilesSection } from '../files/FilesSection';
import { TaskPreviewsSection } from '../preview-player/TaskPreviewsSection';
import { TaskTimeLog } from '../time-log/TaskTimeLog';
import { entityLabel, formatMinutes } from '../todo/todo-rows';
import { Composer } from './Composer';
import { OutboxConflicts } from './OutboxConflicts';
import { Thread } from './Thread';
/** The opened task: its header, a composer with a status picker, and the comment thread. */
export function TaskPanel({ task, onClose }: { task: TodoTask | null; onClose(): void }) {
  const requestPublish = useUiStore((state) => state.requestPublish);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [shownTaskId, setShownTaskId] = useState(task?.id ?? null);
  if ((task?.id ?? null) !== shownTaskId) {
    // Another task: its own newest preview.
    setShownTaskId(task?.id ?? null);
    setPreviewId(null);
  }
  // Files dropped anywhere on the panel but the composer (which attaches them) are published.
  const { dragging, handlers } = useFileDrop((files) => {
    if (task) requestPublish({ taskId: task.id, files });
  });
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
        <Stack
          gap="md"
          {...handlers}
          data-dragging={dragging || undefined}
          style={
            dragging
              ? { outline: '2px dashed var(--mantine-primary-color-filled)', outlineOffset: 4 }
              : undefined
          }
        >
          <Group gap="sm" wrap="nowrap">
            <PreviewImage
              previewFileId={task.previewFileId}
              alt={`${entityLabel(task)} thumbnail`}
              style={{ width: 96, height: 64, borderRadius: 6 }}
              testId="task-panel-thumbnail"
              fallback={null}
            />
            <Text size="sm" c="dimmed">
              {task.projectName}
            </Text>
          </Group>
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
          <Group justify="space-between" wrap="nowrap">
            <TaskTimeLog task={task} />
            <Button
              size="xs"
              variant="light"
              onClick={() => requestPublish({ taskId: task.id, files: [] })}
              data-testid="publish-open"
            >
              Publish…
            </Button>
          </Group>
          {dragging && (
            <Text size="sm" c="dimmed" ta="center">
              Drop the files to publish them as a new version
            </Text>
          )}
          <TaskPreviewsSection task={task} previewId={previewId} onPreviewChange={setPreviewId} />
          {/* Keyed by task so that another task starts them afresh; siblings need distinct keys. */}
          <FilesSection key={`files:${task.id}`} taskId={task.id} />
          <OutboxConflicts area="thread" taskId={task.id} />
          <Composer key={`composer:${task.id}`} task={task} />
          <Thread taskId={task.id} onOpenPreview={(preview) => setPreviewId(preview.id)} />
        </Stack>
      )}
    </Drawer>
  );
}
