import { Button, Group, Stack, Text } from '@mantine/core';
import type { CommentAttachment } from '../../../src-shared/task-comment';
import { errorMessage } from '../../ipc/ipc-call-error';
import { useDownloadAttachment } from '../../queries/thread-hooks';
import { formatBytes } from '../../../src-shared/file-size';
import { PaperclipIcon } from '../../components/icons';

/**
 * A comment's or a reply's files: each chip saves its file in the downloads folder (not yet
 * for a comment still on its way: `readOnly`).
 */
export function CommentAttachments({
  attachments,
  readOnly = false,
}: {
  attachments: readonly CommentAttachment[];
  readOnly?: boolean;
}) {
  return (
    <Group gap="xs" align="flex-start" data-testid="comment-attachments">
      {attachments.map((attachment) => (
        <AttachmentChip key={attachment.id} attachment={attachment} readOnly={readOnly} />
      ))}
    </Group>
  );
}

function AttachmentChip({
  attachment,
  readOnly,
}: {
  attachment: CommentAttachment;
  readOnly: boolean;
}) {
  const download = useDownloadAttachment();
  return (
    <Stack gap={2} maw="100%" align="flex-start">
      <Button
        variant="default"
        size="compact-sm"
        radius="xl"
        leftSection={<PaperclipIcon />}
        loading={download.isPending}
        disabled={readOnly}
        onClick={() => download.mutate(attachment.id)}
        title={
          readOnly ? `${attachment.name}: not on the server yet` : `Download ${attachment.name}`
        }
        aria-label={`Download ${attachment.name}, ${formatBytes(attachment.size)}`}
        styles={{ root: { maxWidth: '100%' }, label: { overflow: 'hidden' } }}
        data-testid="attachment-chip"
      >
        <Text span inherit truncate="end">
          {attachment.name}
        </Text>
        <Text span size="xs" c="dimmed" ml={6} style={{ flexShrink: 0 }}>
          {formatBytes(attachment.size)}
        </Text>
      </Button>
      {download.isSuccess && (
        <Text
          size="xs"
          c="dimmed"
          style={{ overflowWrap: 'anywhere' }}
          data-testid="attachment-saved"
        >
          Saved to {download.data.path}
        </Text>
      )}
      {download.isError && (
        <Text size="xs" c="red" role="alert" data-testid="attachment-error">
          {errorMessage(download.error)}
        </Text>
      )}
    </Stack>
  );
}
