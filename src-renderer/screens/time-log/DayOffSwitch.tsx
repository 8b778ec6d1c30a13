import { Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TimeLogDay } from '../../../src-shared/time-log';
import { errorMessage } from '../../ipc/ipc-call-error';
import { useClearDayOff, useSetDayOff } from '../../queries/time-hooks';
import { formatDuration } from './duration-text';
import { longDate } from './time-log-date';

/**
 * Marks the day as a day off, after a warning: Kitsu removes the time logged on it. Turning
 * it off again needs no confirmation.
 */
export function DayOffSwitch({ day }: { day: TimeLogDay }) {
  const [confirming, setConfirming] = useState(false);
  const [description, setDescription] = useState('');
  const setDayOff = useSetDayOff();
  const clearDayOff = useClearDayOff();
  const pending = setDayOff.isPending || clearDayOff.isPending;
  const failure = setDayOff.error ?? clearDayOff.error;

  const onToggle = (checked: boolean) => {
    setDayOff.reset();
    clearDayOff.reset();
    if (checked) {
      setDescription('');
      setConfirming(true);
    } else {
      clearDayOff.mutate({ date: day.date });
    }
  };
  const confirm = () =>
    setDayOff.mutate(
      { date: day.date, ...(description.trim() ? { description: description.trim() } : {}) },
      { onSuccess: () => setConfirming(false) },
    );

  return (
    <>
      <Stack gap={2} align="flex-end">
        <Switch
          label="Day off"
          checked={day.dayOff !== null}
          disabled={pending}
          onChange={(event) => onToggle(event.currentTarget.checked)}
          data-testid="day-off-toggle"
        />
        {failure && !confirming && (
          <Text size="xs" c="red" maw={360} role="alert" data-testid="day-off-error">
            {errorMessage(failure)}
          </Text>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Mark ${longDate(day.date)} as a day off?`}
        centered
        data-testid="day-off-confirm"
      >
        <Stack gap="md">
          <Text size="sm">
            {day.totalMinutes > 0
              ? `The ${formatDuration(day.totalMinutes)} logged on this day will be removed from your tasks, and no time can be logged on it while it is off.`
              : 'Time logged on this day would be removed, and no time can be logged on it while it is off.'}
          </Text>
          <TextInput
            label="Reason (optional)"
            placeholder="Holiday, sick leave…"
            maxLength={1000}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            data-testid="day-off-description"
          />
          {setDayOff.error && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(setDayOff.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              color="orange"
              loading={setDayOff.isPending}
              onClick={confirm}
              data-testid="day-off-confirm-button"
            >
              Take the day off
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
