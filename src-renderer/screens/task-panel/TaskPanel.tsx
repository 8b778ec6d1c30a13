import { Drawer, Group, Stack, Text } from '@mantine/core';
import type { TodoTask } from '../../../src-shared/todo-task';
import { ColorChip } from '../../components/ColorChip';
import { TaskTimeLog } from '../time-log/TaskTimeLog';
import { entityLabel, formatMinutes } from '../todo/todo-rows';
import { Composer } from './Composer';
import { OutboxConflicts } from './OutboxConflicts';
import { Thread } from './Thread';
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
          <TaskTimeLog task={task} />
          <OutboxConflicts area="thread" taskId={task.id} />
          <Composer key={task.id} task={task} />
          <Thread taskId={task.id} />
        </Stack>
      )}
    </Drawer>
  );
}
