import { Badge, Button, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { TodoTask } from '../../../src-shared/todo-task';
import { useTaskList } from '../../queries/hooks';
import { useSyncState } from '../../queries/sync-hooks';
import { useUiStore } from '../../state/ui-store';
import { entityLabel } from './todo-rows';

/**
 * How many of the person's writes wait to reach the server, and which stopped for them to
 * decide: each opens its task, where the ways out are.
 */
export function PendingWrites() {
  const sync = useSyncState();
  const todo = useTaskList('todo');
  const openTask = useUiStore((ui) => ui.openTask);
  const [opened, setOpened] = useState(false);
  const pending = sync.data?.pending ?? 0;
  const conflicts = sync.data?.conflicts ?? [];
  if (pending === 0) return null;
  const waiting = pending - conflicts.length;
  const label =
    conflicts.length > 0 ? `${conflicts.length} not sent` : `${pending} waiting to send`;
  const taskLabel = (taskId: string) => {
    const task = todo.data?.find((row: TodoTask) => row.id === taskId);
    return task ? `${entityLabel(task)} · ${task.taskTypeName}` : 'A task not in your todo list';
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md">
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened((open) => !open)}
          aria-label={`${label}: show them`}
          data-testid="pending-writes"
          data-pending={pending}
          data-conflicts={conflicts.length}
        >
          <Badge
            variant="light"
            color={conflicts.length > 0 ? 'orange' : 'gray'}
            style={{ cursor: 'pointer' }}
          >
            {label}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="pending-writes-list">
        <Stack gap="sm">
          {waiting > 0 && (
            <Text size="sm">
              {waiting === 1
                ? 'One change waits on this computer: it goes to the server by itself as soon as it is reachable.'
                : `${waiting} changes wait on this computer: they go to the server by themselves as soon as it is reachable.`}
            </Text>
          )}
          {conflicts.length > 0 && (
            <Text size="sm" fw={600}>
              Waiting for you
            </Text>
          )}
          {conflicts.map((conflict) => (
            <Group key={conflict.id} justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" truncate="end">
                  {conflict.area === 'thread' ? taskLabel(conflict.taskId) : conflict.summary}
                </Text>
                <Text size="xs" c="dimmed">
                  {conflict.reason}
                  {conflict.area === 'time-log' && ' Resolve it in the Time sheet tab.'}
                </Text>
              </Stack>
              {conflict.area === 'thread' && (
                <Button
                  size="compact-xs"
                  variant="light"
                  style={{ flexShrink: 0 }}
                  onClick={() => {
                    setOpened(false);
                    openTask(conflict.taskId);
                  }}
                  data-testid="pending-conflict-open"
                >
                  Open
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
