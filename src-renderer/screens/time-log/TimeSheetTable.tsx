import { Anchor, Box, Table, Text } from '@mantine/core';
import { ColorChip } from '../../components/ColorChip';
import { entityLabel } from '../todo/todo-rows';
import { DurationInput } from './DurationInput';
import { formatDuration } from './duration-text';
import type { TimeSheetRow } from './time-sheet-rows';

interface TimeSheetTableProps {
  date: string;
  rows: TimeSheetRow[];
  disabled: boolean;
  /** Tasks whose time of the day waits in the outbox. */
  pendingTaskIds: readonly string[];
  onOpenTask(taskId: string): void;
}

/** One line per task: what it is, its time spent so far, and the time on the day. */
export function TimeSheetTable({
  date,
  rows,
  disabled,
  pendingTaskIds,
  onOpenTask,
}: TimeSheetTableProps) {
  return (
    <Table verticalSpacing={6} highlightOnHover layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">Project</Table.Th>
          <Table.Th>Task</Table.Th>
          <Table.Th w={140}>Type</Table.Th>
          <Table.Th w={110}>Status</Table.Th>
          <Table.Th w={110} title="Time spent on the task so far, all days">
            Spent in all
          </Table.Th>
          <Table.Th w={330}>This day</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.taskId} data-testid="time-row" data-task-id={row.taskId}>
            <Table.Td>
              <Text size="sm" c="dimmed" truncate>
                {row.task?.projectName ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>
              {row.task ? (
                <Anchor
                  component="button"
                  size="sm"
                  fw={600}
                  maw="100%"
                  truncate
                  title={`${entityLabel(row.task)}: open the task`}
                  onClick={() => onOpenTask(row.taskId)}
                  data-testid="time-row-entity"
                >
                  {entityLabel(row.task)}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed" fs="italic">
                  A task no longer in your lists
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {row.task && (
                <Box miw={0}>
                  <ColorChip color={row.task.taskTypeColor} label={row.task.taskTypeName} />
                </Box>
              )}
            </Table.Td>
            <Table.Td>
              {row.task && (
                <ColorChip
                  color={row.task.taskStatusColor}
                  label={row.task.taskStatusShortName}
                  title={row.task.taskStatusName}
                />
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed" data-testid="time-task-spent">
                {/* Written like the day's durations beside it, so the two compare at a glance. */}
                {row.task?.duration ? formatDuration(row.task.duration) : '–'}
              </Text>
            </Table.Td>
            <Table.Td>
              <DurationInput
                key={`${date}/${row.taskId}`}
                taskId={row.taskId}
                date={date}
                minutes={row.minutes}
                disabled={disabled}
                pending={pendingTaskIds.includes(row.taskId)}
                label={row.task ? `${entityLabel(row.task)} ${row.task.taskTypeName}` : 'task'}
                size="xs"
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
