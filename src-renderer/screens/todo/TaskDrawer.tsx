import { Drawer, Group, Stack, Text } from '@mantine/core';
import type { TodoTask } from '../../../src-shared/todo-task';
import { ColorChip } from '../../components/ColorChip';
import { entityLabel, formatMinutes } from './todo-rows';

/** A summary of the opened task, until the task panel (comments, statuses) lands. */
export function TaskDrawer({ task, onClose }: { task: TodoTask | null; onClose(): void }) {
  return (
    <Drawer
      opened={task !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={task ? entityLabel(task) : ''}
      data-testid="task-drawer"
    >
      {task && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {task.projectName}
          </Text>
          <Group gap="xs">
            <ColorChip color={task.taskTypeColor} label={task.taskTypeName} />
            <ColorChip color={task.taskStatusColor} label={task.taskStatusName} />
          </Group>
          <Text size="sm">Due: {task.dueDate ?? 'not planned'}</Text>
          <Text size="sm">
            Estimated {formatMinutes(task.estimation)}, spent {formatMinutes(task.duration)}
          </Text>
          {task.lastComment && (
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                Last comment ({task.lastComment.date.slice(0, 10)})
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {task.lastComment.text}
              </Text>
            </Stack>
          )}
          <Text size="xs" c="dimmed">
            Comments and status changes will open here in a coming version of Shotdesk.
          </Text>
        </Stack>
      )}
    </Drawer>
  );
}
