import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { OutboxConflict } from '../../../src-shared/sync';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResolveOutbox } from '../../queries/outbox-hooks';
import { useSyncState } from '../../queries/sync-hooks';

/**
 * The writes that stopped on their way to the server, each with its ways out: a task's thread
 * writes (`taskId`), or the time sheet's.
 */
export function OutboxConflicts(
  props: { area: 'thread'; taskId: string } | { area: 'time-log'; taskId?: undefined },
) {
  const sync = useSyncState();
  const stopped = (sync.data?.conflicts ?? []).filter(
    (conflict) =>
      conflict.area === props.area &&
      (props.taskId === undefined || conflict.taskId === props.taskId),
  );
  if (stopped.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="outbox-conflicts">
      {stopped.map((conflict) => (
        <ConflictCard key={conflict.id} conflict={conflict} />
      ))}
    </Stack>
  );
}

function ConflictCard({ conflict }: { conflict: OutboxConflict }) {
  const resolve = useResolveOutbox(conflict.id, conflict.taskId);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(conflict.text);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const isConflict = conflict.state === 'conflict';
  const busy = resolve.isPending;
  return (
    <Alert
      color={isConflict ? 'orange' : 'red'}
      title={
        isConflict
          ? 'Not sent: the task changed on the server meanwhile'
          : 'Not sent: the server refused it'
      }
      data-testid="outbox-conflict"
      data-state={conflict.state}
    >
      <Stack gap="xs">
        <Text size="sm" data-testid="conflict-reason">
          {conflict.reason}
        </Text>
        <Text size="xs" c="dimmed" data-testid="conflict-summary">
          Your {conflict.summary.charAt(0).toLowerCase() + conflict.summary.slice(1)}:
        </Text>
        {editing ? (
          <Textarea
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={10}
            autoFocus
            disabled={busy}
            aria-label="Comment text"
            data-testid="conflict-edit-text"
          />
        ) : (
          <Text
            size="sm"
            lineClamp={6}
            style={{ whiteSpace: 'pre-wrap', borderLeft: '3px solid var(--mantine-color-dark-3)' }}
            pl="sm"
            data-testid="conflict-text"
          >
            {conflict.text || 'A status change without text.'}
          </Text>
        )}
        {editing ? (
          <Group gap="xs">
            <Button
              size="xs"
              loading={busy}
              onClick={() => resolve.mutate({ action: 'edit', text: draft })}
              data-testid="conflict-edit-save"
            >
              Save and send
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={busy}
              onClick={() => {
                setEditing(false);
                setDraft(conflict.text);
              }}
            >
              Cancel
            </Button>
            {isConflict && (
              <Text size="xs" c="dimmed">
                It goes with the status you chose.
              </Text>
            )}
          </Group>
        ) : confirmingDiscard ? (
          <Group gap="xs">
            <Text size="sm" data-testid="conflict-discard-question">
              {conflict.alreadySent
                ? `Discard it? ${conflict.alreadySent}`
                : 'Discard it? It will not be sent, and cannot be brought back.'}
            </Text>
            <Button
              size="xs"
              color="red"
              loading={busy}
              onClick={() => resolve.mutate({ action: 'discard' })}
              data-testid="conflict-discard-confirm"
            >
              Discard
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={busy}
              onClick={() => setConfirmingDiscard(false)}
            >
              Keep it
            </Button>
          </Group>
        ) : (
          <Group gap="xs">
            {isConflict && conflict.offersWithoutStatus && (
              <Button
                size="xs"
                loading={busy && resolve.variables?.action === 'post-without-status'}
                disabled={busy}
                onClick={() => resolve.mutate({ action: 'post-without-status' })}
                data-testid="conflict-post-without-status"
              >
                Post without the status change
              </Button>
            )}
            <Button
              size="xs"
              variant={isConflict ? 'default' : 'filled'}
              loading={busy && resolve.variables?.action === 'post-anyway'}
              disabled={busy}
              onClick={() => resolve.mutate({ action: 'post-anyway' })}
              data-testid="conflict-post-anyway"
            >
              {isConflict ? 'Post anyway' : 'Try again'}
            </Button>
            {conflict.editable && (
              <Button
                size="xs"
                variant="default"
                disabled={busy}
                onClick={() => setEditing(true)}
                data-testid="conflict-edit"
              >
                Edit
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color="red"
              disabled={busy}
              onClick={() => setConfirmingDiscard(true)}
              data-testid="conflict-discard"
            >
              Discard
            </Button>
          </Group>
        )}
        {resolve.isError && (
          <ErrorAlert
            title="That did not work"
            error={resolve.error}
            hint="It is still kept on this computer."
            testId="conflict-error"
          />
        )}
      </Stack>
    </Alert>
  );
}
