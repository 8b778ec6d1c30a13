import { Button, Group, Pill } from '@mantine/core';
import { useRef } from 'react';
import { formatBytes } from '../../../src-shared/file-size';
import { PaperclipIcon } from '../../components/icons';

/** Opens the system's file picker, several files at once (the composer is the drop zone). */
export function AttachButton({
  onFiles,
  disabled,
}: {
  onFiles(files: File[]): void;
  disabled: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        variant="subtle"
        size="xs"
        leftSection={<PaperclipIcon size={14} />}
        disabled={disabled}
        onClick={() => input.current?.click()}
        data-testid="comment-attach"
      >
        Attach files
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          onFiles(Array.from(event.currentTarget.files ?? []));
          // The same file may be picked again after it was removed.
          event.currentTarget.value = '';
        }}
        data-testid="comment-file-input"
      />
    </>
  );
}

/** The files that go with the comment, each with its size, removable until it is posted. */
export function AttachmentChips({
  files,
  onRemove,
  disabled,
}: {
  files: readonly File[];
  onRemove(file: File): void;
  disabled: boolean;
}) {
  return (
    <Group gap={6} data-testid="attachment-chips">
      {files.map((file) => (
        <Pill
          key={`${file.name}:${file.size}:${file.lastModified}`}
          size="md"
          bg="var(--mantine-color-default-hover)"
          bd="1px solid var(--mantine-color-default-border)"
          withRemoveButton={!disabled}
          onRemove={() => onRemove(file)}
          // Mantine hides the button from keyboards and screen readers; this one must be reachable.
          removeButtonProps={{
            'aria-label': `Remove ${file.name}`,
            'aria-hidden': false,
            tabIndex: 0,
          }}
          title={file.name}
          data-testid="attachment-chip"
        >
          {file.name} · {formatBytes(file.size)}
        </Pill>
      ))}
    </Group>
  );
}
