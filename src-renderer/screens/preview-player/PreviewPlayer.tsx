import { Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TaskPreviews, TaskPreviewFile } from '../../../src-shared/task-previews';
import { MovieControls } from './MovieControls';
import { PreviewStage } from './PreviewStage';
import { useFramePlayer } from './use-frame-player';

/**
 * A task's previews: a revision (the newest by default) and its files, played frame-exact;
 * a second revision side by side, kept on the same frame; full screen with F. Space plays,
 * ← → step a frame, Home / End jump to the first and last frame.
 */
export function PreviewPlayer({
  previews,
  previewId,
  onPreviewChange,
}: {
  previews: TaskPreviews;
  /** The file shown; the first file of the newest revision when null. */
  previewId: string | null;
  onPreviewChange(previewId: string): void;
}) {
  const files = previews.revisions.flatMap((revision) => revision.files);
  const shown = files.find((file) => file.id === previewId) ?? previews.revisions[0]?.files[0];
  const [compareRevision, setCompareRevision] = useState<number | null>(null);
  const compared =
    compareRevision === null
      ? null
      : (previews.revisions.find((r) => r.revision === compareRevision)?.files[0] ?? null);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [otherVideo, setOtherVideo] = useState<HTMLVideoElement | null>(null);
  const player = useFramePlayer(video, previews.fps);
  const other = useFramePlayer(compared?.kind === 'movie' ? otherVideo : null, previews.fps);
  const container = useRef<HTMLDivElement>(null);

  // The compared revision follows: the same frame when paused, playing when this one plays.
  useEffect(() => {
    if (!compared || !otherVideo || !video) return;
    if (!player.playing) {
      other.seekFrame(player.frame);
      return;
    }
    if (otherVideo.paused) other.play();
    // Playing, the two drift apart a little: more than a frame, and the follower catches up.
    else if (Math.abs(other.frame - player.frame) > 1) otherVideo.currentTime = video.currentTime;
    // Only the leading player's moves matter here.
  }, [player.playing, player.frame, compared?.id, otherVideo, video]);
  useEffect(() => {
    if (otherVideo) otherVideo.playbackRate = player.rate;
    if (otherVideo) otherVideo.loop = player.loop;
  }, [player.rate, player.loop, otherVideo]);

  if (!shown) {
    return (
      <Text size="sm" c="dimmed" data-testid="player-empty">
        No preview yet: drop a movie or a picture on this task to publish one.
      </Text>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.target as HTMLElement).closest('input, textarea, [role="combobox"]')) return;
    const keys: Record<string, () => void> = {
      ' ': player.toggle,
      ArrowLeft: () => player.step(-1),
      ArrowRight: () => player.step(1),
      Home: () => player.seekFrame(0),
      End: () => player.seekFrame(player.frameCount - 1),
      f: () => void toggleFullscreen(container.current),
      F: () => void toggleFullscreen(container.current),
    };
    const action = keys[event.key];
    if (!action || (shown.kind !== 'movie' && event.key !== 'f' && event.key !== 'F')) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const revisionFiles = previews.revisions.find((r) => r.revision === shown.revision)?.files ?? [];
  return (
    <Stack
      gap="xs"
      ref={container}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ outline: 'none', background: 'var(--mantine-color-body)' }}
      data-testid="preview-player"
      data-ready={(shown.kind === 'movie' ? player.ready : true) || undefined}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Select
            size="xs"
            w={110}
            aria-label="Revision"
            data={previews.revisions.map((r) => ({
              value: String(r.revision),
              label: `v${r.revision}`,
            }))}
            value={String(shown.revision)}
            onChange={(value) => {
              const revision = previews.revisions.find((r) => String(r.revision) === value);
              if (revision?.files[0]) onPreviewChange(revision.files[0].id);
            }}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="player-revision"
          />
          {revisionFiles.length > 1 &&
            revisionFiles.map((file) => (
              <Button
                key={file.id}
                size="compact-xs"
                variant={file.id === shown.id ? 'filled' : 'default'}
                onClick={() => onPreviewChange(file.id)}
                data-testid="player-position"
              >
                {file.position}
              </Button>
            ))}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Select
            size="xs"
            w={150}
            placeholder="Compare with…"
            aria-label="Compare with"
            data={previews.revisions
              .filter((r) => r.revision !== shown.revision)
              .map((r) => ({ value: String(r.revision), label: `Compare with v${r.revision}` }))}
            value={compareRevision === null ? null : String(compareRevision)}
            onChange={(value) => setCompareRevision(value === null ? null : Number(value))}
            clearable
            comboboxProps={{ withinPortal: true }}
            disabled={previews.revisions.length < 2}
            data-testid="player-compare"
          />
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void toggleFullscreen(container.current)}
            data-testid="player-fullscreen"
          >
            Full screen
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={compared ? 2 : 1} spacing="xs">
        <PreviewStage file={shown} onVideo={setVideo} />
        {compared && <PreviewStage file={compared} onVideo={setOtherVideo} />}
      </SimpleGrid>
      {shown.kind === 'movie' && shown.status === 'ready' && (
        <MovieControls player={player} fps={previews.fps} />
      )}
      {player.error && shown.kind === 'movie' && (
        <Text size="xs" c="red" data-testid="player-error">
          {player.error} When offline, only previews watched before play.
        </Text>
      )}
      <FileLine file={shown} />
    </Stack>
  );
}

function FileLine({ file }: { file: TaskPreviewFile }) {
  return (
    <Text size="xs" c="dimmed" truncate="end">
      v{file.revision}
      {file.originalName ? ` · ${file.originalName}` : ''}
      {file.width && file.height ? ` · ${file.width}×${file.height}` : ''}
    </Text>
  );
}

async function toggleFullscreen(element: HTMLElement | null): Promise<void> {
  if (!element) return;
  if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
  else await element.requestFullscreen().catch(() => undefined);
}
