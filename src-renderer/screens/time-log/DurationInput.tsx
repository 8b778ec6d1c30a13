import { Group, Loader, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../../ipc/ipc-call-error';
import { useSetTime } from '../../queries/time-hooks';
import { formatDuration, parseDuration } from './duration-text';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid'; message: string }
  | { kind: 'failed'; message: string };

interface DurationInputProps {
  taskId: string;
  date: string;
  /** What the server holds for the task that day. */
  minutes: number;
  disabled?: boolean;
  /** The value shown waits in the outbox (offline): it goes by itself once the server is back. */
  pending?: boolean;
  /** Names the field for screen readers: the task. */
  label: string;
  size?: 'xs' | 'sm';
}

/**
 * A task's time on a day, typed as `1h30`, `1.5h`, `90m`, `90` or `1:30`, saved on blur and
 * Enter (Escape gives the saved value back). What was typed stays while it is not saved.
 */
export function DurationInput({
  taskId,
  date,
  minutes,
  disabled,
  pending = false,
  label,
  size = 'sm',
}: DurationInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const save = useSetTime();
  const shown = draft ?? (minutes > 0 ? formatDuration(minutes) : '');

  const commit = () => {
    if (draft === null || save.isPending) return;
    const parsed = parseDuration(draft);
    if (!parsed.ok) {
      setState({ kind: 'invalid', message: parsed.message });
      return;
    }
    if (parsed.minutes === Math.round(minutes)) {
      setDraft(null);
      setState({ kind: 'idle' });
      return;
    }
    setState({ kind: 'saving' });
    save.mutate(
      { taskId, date, minutes: parsed.minutes },
      {
        onSuccess: () => {
          setDraft(null);
          setState({ kind: 'saved' });
        },
        onError: (error) => setState({ kind: 'failed', message: errorMessage(error) }),
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      // Only this field: the panel around it stays open.
      event.stopPropagation();
      setDraft(null);
      setState({ kind: 'idle' });
    }
  };

  const problem = state.kind === 'invalid' || state.kind === 'failed' ? state : null;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="duration" data-state={state.kind}>
      <TextInput
        aria-label={`Time on ${label}`}
        placeholder="0h"
        size={size}
        w={size === 'xs' ? 96 : 110}
        value={shown}
        disabled={disabled || state.kind === 'saving'}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          if (state.kind !== 'idle') setState({ kind: 'idle' });
        }}
        onBlur={commit}
        onKeyDown={onKeyDown}
        error={problem !== null}
        data-testid="duration-input"
      />
      <SaveStatus state={state} pending={pending} />
    </Group>
  );
}

function SaveStatus({ state, pending }: { state: SaveState; pending: boolean }) {
  if (pending && (state.kind === 'idle' || state.kind === 'saved')) {
    return (
      <Text
        size="xs"
        c="dimmed"
        mt={6}
        title="Kept on this computer: it goes to the server by itself as soon as the server is reachable."
        data-testid="duration-status"
        data-pending
      >
        Waiting to send
      </Text>
    );
  }
  switch (state.kind) {
    case 'saving':
      return (
        <Group gap={4} wrap="nowrap" mt={6}>
          <Loader size={12} />
          <Text size="xs" c="dimmed">
            Saving…
          </Text>
        </Group>
      );
    case 'saved':
      return (
        <Text size="xs" c="teal" mt={6} data-testid="duration-status">
          ✓ Saved
        </Text>
      );
    case 'invalid':
    case 'failed':
      return (
        <Text size="xs" c="red" mt={6} maw={360} role="alert" data-testid="duration-status">
          {state.kind === 'failed' ? `Not saved: ${state.message}` : state.message}
        </Text>
      );
    default:
      return null;
  }
}
