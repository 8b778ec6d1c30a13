import { Group, Skeleton, Text } from '@mantine/core';
import type { TodoTask } from '../../../src-shared/todo-task';
import { errorMessage } from '../../ipc/ipc-call-error';
import { useTaskList } from '../../queries/hooks';
import { useTimeDay } from '../../queries/time-hooks';
import { entityLabel } from '../todo/todo-rows';
import { DurationInput } from './DurationInput';
import { formatDuration } from './duration-text';
import { longDate, useTimeLogDate } from './time-log-date';

/** The task panel's "Time spent" line: this task's time on the chosen day, and the day total. */
export function TaskTimeLog({ task }: { task: TodoTask }) {
  const { date, today } = useTimeLogDate();
  const day = useTimeDay(date);
  const todo = useTaskList('todo');
  const done = useTaskList('done');
  // Kitsu takes time only from a task's assignees: the person's own lists hold their tasks.
  const listsLoaded = todo.data !== undefined && done.data !== undefined;
  const assigned = [...(todo.data ?? []), ...(done.data ?? [])].some((row) => row.id === task.id);
  const minutes = day.data?.entries.find((entry) => entry.taskId === task.id)?.minutes ?? 0;

  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="task-time-log" data-date={date}>
      <Text size="sm" fw={600} mt={6} style={{ whiteSpace: 'nowrap' }}>
        Time spent {date === today ? 'today' : `on ${longDate(date)}`}
      </Text>
      {day.isPending ? (
        <Skeleton height={30} width={110} />
      ) : day.isError ? (
        <Text size="xs" c="red" mt={6} role="alert">
          {errorMessage(day.error)}
        </Text>
      ) : (
        <>
          <DurationInput
            key={`${date}/${task.id}`}
            taskId={task.id}
            date={date}
            minutes={minutes}
            disabled={day.data.dayOff !== null || (listsLoaded && !assigned)}
            pending={day.data.pendingTaskIds?.includes(task.id) === true}
            label={`${entityLabel(task)} ${task.taskTypeName}`}
          />
          <Text
            size="xs"
            c="dimmed"
            mt={8}
            style={{ whiteSpace: 'nowrap' }}
            data-testid="task-time-day-total"
          >
            {day.data.dayOff
              ? 'Day off: no time can be logged.'
              : listsLoaded && !assigned
                ? 'Only the task’s assignees log time on it.'
                : `Day total ${formatDuration(day.data.totalMinutes)}`}
          </Text>
        </>
      )}
    </Group>
  );
}
