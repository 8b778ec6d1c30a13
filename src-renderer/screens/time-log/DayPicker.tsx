import { Button, Group, TextInput } from '@mantine/core';
import { shiftDate } from './time-log-date';

/** Previous / next day, a date field, and a way back to today. */
export function DayPicker({
  date,
  today,
  onChange,
}: {
  date: string;
  today: string;
  onChange(date: string): void;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        variant="default"
        size="xs"
        aria-label="Previous day"
        onClick={() => onChange(shiftDate(date, -1))}
        data-testid="time-previous-day"
      >
        ‹
      </Button>
      <TextInput
        type="date"
        size="xs"
        aria-label="Day"
        value={date}
        // An incomplete date in the field is empty: keep the day until it is a whole one.
        onChange={(event) => event.currentTarget.value && onChange(event.currentTarget.value)}
        data-testid="time-date"
      />
      <Button
        variant="default"
        size="xs"
        aria-label="Next day"
        onClick={() => onChange(shiftDate(date, 1))}
        data-testid="time-next-day"
      >
        ›
      </Button>
      <Button
        variant="light"
        size="xs"
        disabled={date === today}
        onClick={() => onChange(today)}
        data-testid="time-today"
      >
        Today
      </Button>
    </Group>
  );
}
