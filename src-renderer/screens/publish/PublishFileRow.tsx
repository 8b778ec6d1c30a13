import { Badge, CloseButton, Group, Progress, Stack, Text } from '@mantine/core';
import { formatBytes } from '../../../src-shared/file-size';
import type { PublishProgress } from '../../../src-shared/publish';
import type { DroppedFile } from './use-publish';

const KIND_LABELS = { picture: 'Picture', movie: 'Movie', file: 'File' } as const;

type FileProgress = PublishProgress['files'][number];

/** One file of a publish: what it is, whether Kitsu takes it, then how its upload goes. */
export function PublishFileRow({
  dropped,
  progress,
  onRemove,
}: {
  dropped: DroppedFile;
  /** Once published: its upload. */
  progress: FileProgress | null;
  onRemove?: () => void;
}) {
  const { name, size, check, error } = dropped;
  const refused = error ?? (check && !check.accepted ? check.reason : null);
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="center"
      data-testid="publish-file"
      data-accepted={refused === null && check !== null}
    >
      <div
        style={{
          width: 96,
          height: 54,
          flexShrink: 0,
          borderRadius: 4,
          overflow: 'hidden',
          background: 'var(--mantine-color-dark-6)',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        {check?.thumbnail ? (
          <img
            src={check.thumbnail}
            alt=""
            style={{ width: '100%', height: '100%', objectFit: 'cover' }}
          />
        ) : (
          <Text size="xs" fw={700} c="dimmed">
            {check?.kind ? KIND_LABELS[check.kind] : (name.split('.').pop() ?? '').toUpperCase()}
          </Text>
        )}
      </div>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} truncate="end" title={name}>
            {name}
          </Text>
          {check?.kind && refused === null && (
            <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
              {KIND_LABELS[check.kind]}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {formatBytes(check?.size ?? size)}
        </Text>
        {refused !== null && (
          <Text size="xs" c="red" data-testid="publish-file-refused">
            {refused}
          </Text>
        )}
        {check === null && error === null && (
          <Text size="xs" c="dimmed">
            Checking…
          </Text>
        )}
        {progress && <UploadLine progress={progress} />}
      </Stack>
      {onRemove && <CloseButton size="sm" aria-label={`Remove ${name}`} onClick={onRemove} />}
    </Group>
  );
}

function UploadLine({ progress }: { progress: FileProgress }) {
  const percent = progress.size > 0 ? Math.round((progress.sentBytes / progress.size) * 100) : 0;
  return (
    <Stack gap={2} data-testid="publish-file-progress" data-state={progress.state}>
      <Progress
        value={progress.state === 'uploaded' ? 100 : percent}
        size="sm"
        color={progress.state === 'uploaded' ? 'teal' : undefined}
        animated={progress.state === 'uploading'}
        aria-label={`Upload of ${progress.name}`}
      />
      <Text size="xs" c="dimmed">
        {progress.state === 'uploaded'
          ? 'Uploaded'
          : progress.state === 'uploading'
            ? `Uploading… ${percent}% of ${formatBytes(progress.size)}`
            : 'Waiting to upload'}
      </Text>
    </Stack>
  );
}
