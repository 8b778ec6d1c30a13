import { Badge, CloseButton, Group, Progress, Stack, Text } from '@mantine/core';
import { formatBytes } from '../../../src-shared/file-size';
import type { PublishMovieFacts, PublishProgress } from '../../../src-shared/publish';
import type { DroppedFile } from './use-publish';

const KIND_LABELS = { picture: 'Picture', movie: 'Movie', file: 'File' } as const;

type FileProgress = PublishProgress['files'][number];

/** One file of a publish: what it is, whether Kitsu takes it, then how its upload goes. */
export function PublishFileRow({
  dropped,
  projectFps,
  progress,
  onRemove,
}: {
  dropped: DroppedFile;
  /** The project's frame rate, which Kitsu converts movies to; null while unknown. */
  projectFps: number | null;
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
        <Text size="xs" c="dimmed" data-testid="publish-file-facts">
          {[
            formatBytes(check?.size ?? size),
            ...(check?.movie ? movieFacts(check.movie) : []),
          ].join(' · ')}
        </Text>
        {refused === null && check?.movie && rateDiffers(check.movie.fps, projectFps) && (
          <Text size="xs" c="orange" data-testid="publish-file-rate">
            The project plays at {formatFps(projectFps!)} fps: Kitsu converts this movie to it,
            dropping or repeating frames.
          </Text>
        )}
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

function movieFacts(movie: PublishMovieFacts): string[] {
  return [
    `${movie.width}×${movie.height}`,
    ...(movie.fps ? [`${formatFps(movie.fps)} fps`] : []),
    ...(movie.durationSeconds ? [`${movie.durationSeconds.toFixed(1)} s`] : []),
  ];
}

/** 24, 25, 23.976, 29.97: whole rates whole, NTSC ones to three decimals at most. */
function formatFps(fps: number): string {
  return String(Math.round(fps * 1000) / 1000);
}

function rateDiffers(fps: number | null, projectFps: number | null): boolean {
  return fps !== null && projectFps !== null && Math.abs(fps - projectFps) > 0.01;
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
