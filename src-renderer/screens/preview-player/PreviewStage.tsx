import { Loader, Stack, Text } from '@mantine/core';
import type { TaskPreviewFile } from '../../../src-shared/task-previews';
import { useMediaUrl } from '../../components/PreviewImage';
import { FrameVideo } from './FrameVideo';
import { StillViewer } from './StillViewer';

/** One preview file on its 16:9 stage: a movie, a picture, or what it is when neither. */
export function PreviewStage({
  file,
  onVideo,
}: {
  file: TaskPreviewFile;
  onVideo(video: HTMLVideoElement | null): void;
}) {
  const movie = useMediaUrl('movie', file.kind === 'movie' ? file.id : null);
  const picture = useMediaUrl('picture', file.kind === 'picture' ? file.id : null);
  const original = useMediaUrl('picture-original', file.kind === 'picture' ? file.id : null);
  const label = file.originalName ?? `Revision ${file.revision}`;
  return (
    <div
      style={{
        position: 'relative',
        aspectRatio: '16 / 9',
        background: '#000',
        borderRadius: 6,
        overflow: 'hidden',
      }}
      data-testid="preview-stage"
      data-preview-id={file.id}
      data-kind={file.kind}
    >
      {file.status === 'processing' ? (
        <Centered>
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            The server is converting this movie…
          </Text>
        </Centered>
      ) : file.status === 'broken' ? (
        <Centered>
          <Text size="sm" c="red">
            The server could not convert this file. Publish it again in another format.
          </Text>
        </Centered>
      ) : file.kind === 'movie' && movie ? (
        <FrameVideo key={file.id} src={movie} onVideo={onVideo} label={label} />
      ) : file.kind === 'picture' && picture ? (
        <StillViewer key={file.id} src={picture} original={original} label={label} />
      ) : (
        <Centered>
          <Text fw={700}>{file.extension.toUpperCase() || 'FILE'}</Text>
          <Text size="sm" c="dimmed">
            {label}: no preview to show for this kind of file.
          </Text>
        </Centered>
      )}
    </div>
  );
}

function Centered({ children }: { children: React.ReactNode }) {
  return (
    <Stack
      align="center"
      justify="center"
      gap="xs"
      style={{ position: 'absolute', inset: 0 }}
      p="md"
    >
      {children}
    </Stack>
  );
}
