import { Alert, Center, Group, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import type { TodoTask } from '../../../src-shared/todo-task';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OutboxConflicts } from '../task-panel/OutboxConflicts';
import { useTimeDay } from '../../queries/time-hooks';
import { DayOffSwitch } from './DayOffSwitch';
import { DayPicker } from './DayPicker';
import { formatDuration } from './duration-text';
import { longDate, useTimeLogDate } from './time-log-date';
import { timeSheetRows } from './time-sheet-rows';
import { TimeSheetTable } from './TimeSheetTable';

interface TimeSheetProps {
  /** The open tasks as the todo list shows them (filtered, sorted). */
  openTasks: readonly TodoTask[];
  /** Every task the person's lists hold, to name tasks with time outside the open ones. */
  knownTasks: readonly TodoTask[];
  /** The open tasks are still loading. */
  loading: boolean;
  onOpenTask(taskId: string): void;
}

/** The person's time on one day: a duration per task, the day's total, and the day off. */
export function TimeSheet({ openTasks, knownTasks, loading, onOpenTask }: TimeSheetProps) {
  const { date, today, setDate } = useTimeLogDate();
  const day = useTimeDay(date);
  const rows = day.data ? timeSheetRows(openTasks, knownTasks, day.data.entries) : null;

  return (
    <Stack gap={0} style={{ flex: 1, minHeight: 0 }} data-testid="time-sheet" data-date={date}>
      <Group justify="space-between" px="md" py="xs" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <DayPicker date={date} today={today} onChange={setDate} />
          <Text size="sm" c="dimmed">
            {date === today ? `Today, ${longDate(date)}` : longDate(date)}
          </Text>
        </Group>
        <Group gap="xl" wrap="nowrap" align="flex-start">
          {day.data && <DayOffSwitch day={day.data} />}
          <Text size="sm" fw={700} data-testid="time-total" data-minutes={day.data?.totalMinutes}>
            Total {day.data ? formatDuration(day.data.totalMinutes) : '…'}
          </Text>
        </Group>
      </Group>
      {day.data?.dayOff && (
        <Alert color="orange" mx="md" mb="xs" title="Day off" data-testid="day-off-banner">
          {day.data.dayOff.date === day.data.dayOff.endDate
            ? 'This day is a day off'
            : `You are off from ${longDate(day.data.dayOff.date)} to ${longDate(day.data.dayOff.endDate)}`}
          {day.data.dayOff.description ? ` (${day.data.dayOff.description})` : ''}: no time can be
          logged on it. Turn “Day off” off to log time.
        </Alert>
      )}
      {day.data?.dayOffPending && (
        <Text size="xs" c="dimmed" mx="md" mb="xs" data-testid="day-off-pending">
          {day.data.dayOff ? 'The day off' : 'Clearing the day off'} waits to be sent: it goes to
          the server by itself as soon as the server is reachable.
        </Text>
      )}
      <OutboxConflicts area="time-log" />
      {day.isPending || loading ? (
        <Stack gap={8} p="md" data-testid="time-loading" aria-busy>
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} height={32} radius="sm" />
          ))}
        </Stack>
      ) : day.isError ? (
        <Center p="xl">
          <ErrorAlert
            title="The time log could not be loaded"
            error={day.error}
            onRetry={() => void day.refetch()}
            maw={560}
          />
        </Center>
      ) : rows && rows.open.length + rows.others.length === 0 ? (
        <Center p="xl" data-testid="time-empty">
          <Stack align="center" gap="xs" maw={440}>
            <Text fw={600}>No task to log time on.</Text>
            <Text size="sm" c="dimmed" ta="center">
              Time is logged on the tasks assigned to you. Clear the filters if some are hidden, or
              ask your supervisor to assign you tasks in Kitsu.
            </Text>
          </Stack>
        </Center>
      ) : (
        rows && (
          <ScrollArea style={{ flex: 1 }} px="md">
            <TimeSheetTable
              date={date}
              rows={rows.open}
              disabled={day.data.dayOff !== null}
              pendingTaskIds={day.data.pendingTaskIds ?? []}
              onOpenTask={onOpenTask}
            />
            {rows.others.length > 0 && (
              <>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="md" mb={4}>
                  Other tasks with time on this day
                </Text>
                <TimeSheetTable
                  date={date}
                  rows={rows.others}
                  disabled={day.data.dayOff !== null}
                  pendingTaskIds={day.data.pendingTaskIds ?? []}
                  onOpenTask={onOpenTask}
                />
              </>
            )}
          </ScrollArea>
        )
      )}
    </Stack>
  );
}
