import { Badge, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import type { CommentPreview } from '../../../src-shared/task-comment';
import { PreviewImage } from '../../components/PreviewImage';

const TILE = { width: 120, height: 68 };

/** The previews published with a comment: their revision, a thumbnail each, and their state. */
export function CommentPreviews({
  previews,
  onOpen,
}: {
  previews: readonly CommentPreview[];
  /** Opens the player on this preview; absent while the comment is not on the server. */
  onOpen?: (preview: CommentPreview) => void;
}) {
  const revision = previews[0]?.revision;
  return (
    <Stack gap={4} data-testid="comment-previews">
      <Text size="xs" c="dimmed" fw={600}>
        Revision {revision} · {previews.length} {previews.length === 1 ? 'file' : 'files'}
      </Text>
      <Group gap="xs">
        {previews.map((preview) => (
          <UnstyledButton
            key={preview.id}
            onClick={() => onOpen?.(preview)}
            disabled={!onOpen}
            aria-label={`Open preview ${preview.originalName ?? `v${preview.revision}`}`}
            data-testid="comment-preview"
            data-preview-id={preview.id}
            data-status={preview.status}
            style={{
              ...TILE,
              position: 'relative',
              borderRadius: 6,
              overflow: 'hidden',
              background: 'var(--mantine-color-dark-6)',
            }}
          >
            <PreviewTile preview={preview} />
          </UnstyledButton>
        ))}
      </Group>
    </Stack>
  );
}

function PreviewTile({ preview }: { preview: CommentPreview }) {
  if (preview.status === 'uploading') {
    return (
      <Stack align="center" justify="center" gap={2} h="100%" p={4}>
        <Text size="xs" c="dimmed" ta="center">
          Waiting to upload
        </Text>
        <Text size="xs" c="dimmed" truncate="end" maw="100%">
          {preview.originalName}
        </Text>
      </Stack>
    );
  }
  if (preview.status === 'processing') {
    return (
      <Stack align="center" justify="center" gap={4} h="100%">
        <Loader size="xs" />
        <Text size="xs" c="dimmed">
          Processing…
        </Text>
      </Stack>
    );
  }
  if (preview.status === 'broken') {
    return (
      <Stack align="center" justify="center" h="100%" p={4}>
        <Text size="xs" c="red" ta="center">
          Could not be converted
        </Text>
      </Stack>
    );
  }
  const label = preview.extension.toUpperCase();
  const picture = preview.extension === 'png' || preview.extension === 'mp4';
  return (
    <>
      {picture ? (
        <PreviewImage
          previewFileId={preview.id}
          alt=""
          style={{ width: '100%', height: '100%' }}
          fallback={<FileLabel label={label} />}
        />
      ) : (
        <FileLabel label={label} />
      )}
      {preview.extension === 'mp4' && (
        <Badge size="xs" variant="filled" color="dark" pos="absolute" bottom={4} right={4}>
          Movie
        </Badge>
      )}
    </>
  );
}

function FileLabel({ label }: { label: string }) {
  return (
    <Stack align="center" justify="center" h="100%">
      <Text size="sm" fw={700} c="dimmed">
        {label || 'FILE'}
      </Text>
    </Stack>
  );
}
