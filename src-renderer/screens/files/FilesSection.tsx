import { Alert, Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FoundRender, WorkingPath } from '../../../src-shared/working-files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call, onEvent } from '../../ipc/api';
import { useUiStore } from '../../state/ui-store';

const filesKey = (taskId: string, softwareId: string | null, name: string) =>
  ['tasks', 'files', taskId, softwareId ?? '', name] as const;

/**
 * The task's working file on this computer: where the next revision goes (for a software and
 * a name), copy it, create its folder; and the renders that appear in the task's preview
 * folder, each offered for publishing.
 */
export function FilesSection({ taskId }: { taskId: string }) {
  const client = useQueryClient();
  const requestPublish = useUiStore((state) => state.requestPublish);
  const softwares = useQuery({
    queryKey: ['tasks', 'softwares'],
    queryFn: () => call('files:softwares', {}),
    staleTime: Infinity,
  });
  const [softwareId, setSoftwareId] = useState<string | null>(null);
  const [name, setName] = useState('main');
  const [copied, setCopied] = useState(false);
  const [renders, setRenders] = useState<FoundRender[]>([]);
  const input = { taskId, ...(softwareId ? { softwareId } : {}), ...(name ? { name } : {}) };
  const path = useQuery({
    queryKey: filesKey(taskId, softwareId, name),
    queryFn: () => call('files:working-path', input),
    retry: false,
  });
  const create = useMutation({
    mutationFn: () => call('files:create-folder', input),
    onSuccess: (created) => client.setQueryData(filesKey(taskId, softwareId, name), created),
  });
  const register = useMutation({
    mutationFn: () => call('files:register', input),
    onSuccess: (next) => client.setQueryData(filesKey(taskId, softwareId, name), next),
  });
  const reveal = useMutation({
    mutationFn: (open: boolean) => call('files:reveal', { ...input, open }),
  });

  // Renders of this task only; the watch ends with the panel.
  useEffect(() => {
    const off = onEvent('files:render-found', (render) => {
      if (render.taskId === taskId) setRenders((seen) => [...seen, render]);
    });
    return () => {
      off();
      void call('files:stop-watching', {}).catch(() => undefined);
    };
  }, [taskId]);

  const shown: WorkingPath | undefined = path.data;
  const fullPath = shown ? (shown.localFile ?? `${shown.treeFolder}/${shown.fileName}`) : '';
  return (
    <Stack gap="xs" data-testid="files-section">
      <Text size="sm" fw={600}>
        Working files
      </Text>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          size="xs"
          label="Software"
          placeholder="Any"
          data={(softwares.data ?? []).map((software) => ({
            value: software.id,
            label: `${software.name}${software.fileExtension ? ` (${software.fileExtension})` : ''}`,
          }))}
          value={softwareId}
          onChange={setSoftwareId}
          clearable
          searchable
          w={200}
          comboboxProps={{ withinPortal: true }}
          data-testid="files-software"
        />
        <TextInput
          size="xs"
          label="Name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value.replace(/[/\\]/g, ''))}
          w={120}
          data-testid="files-name"
        />
      </Group>
      {path.isError ? (
        <ErrorAlert title="The working file path could not be found" error={path.error} />
      ) : shown ? (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            Next working file, v{String(shown.revision).padStart(3, '0')}
            {shown.localFolder && !shown.folderExists ? ' (its folder does not exist yet)' : ''}
          </Text>
          <Code
            block
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
            data-testid="files-path"
          >
            {fullPath}
          </Code>
          {shown.sameNameEveryRevision && (
            <Text size="xs" c="orange" data-testid="files-same-name">
              This project&apos;s file tree gives every revision the same file name, and that file
              is already here: saving replaces it. Ask your production manager for a tree with
              &lt;Version&gt; in its file names.
            </Text>
          )}
          {shown.unmappedMountPoint && (
            <Text size="xs" c="orange" data-testid="files-unmapped">
              {shown.unmappedMountPoint} is not mapped on this computer: add it in Settings ›
              Production folders to get the path here and create folders.
            </Text>
          )}
          <Group gap="xs">
            <Button
              size="compact-xs"
              variant="default"
              onClick={() =>
                void navigator.clipboard.writeText(fullPath).then(() => {
                  setCopied(true);
                  setTimeout(() => setCopied(false), 1500);
                })
              }
              data-testid="files-copy"
            >
              {copied ? 'Copied' : 'Copy path'}
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              disabled={!shown.localFolder || shown.folderExists}
              loading={create.isPending}
              onClick={() => create.mutate()}
              data-testid="files-create-folder"
            >
              {shown.folderExists ? 'Folder exists' : 'Create folder'}
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              disabled={!shown.folderExists}
              loading={reveal.isPending && reveal.variables === false}
              onClick={() => reveal.mutate(false)}
              data-testid="files-reveal"
            >
              Show folder
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              disabled={!shown.folderExists || shown.revision <= 1}
              loading={reveal.isPending && reveal.variables === true}
              onClick={() => reveal.mutate(true)}
              data-testid="files-open-latest"
            >
              Open latest
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              loading={register.isPending}
              disabled={!softwareId}
              onClick={() => register.mutate()}
              title={
                softwareId
                  ? 'Tell Kitsu about this revision, so that the next one counts from it'
                  : 'Pick the software first: Kitsu records it with the working file'
              }
              data-testid="files-register"
            >
              Register v{String(shown.revision).padStart(3, '0')} in Kitsu
            </Button>
          </Group>
          {reveal.data && !reveal.data.shown && (
            <Text size="xs" c="dimmed" data-testid="files-revealed">
              It is at {reveal.data.path} (this window cannot open a file manager).
            </Text>
          )}
          {(reveal.isError || register.isError) && (
            <ErrorAlert
              title="That did not work"
              error={reveal.error ?? register.error}
              testId="files-error"
            />
          )}
          {shown.previewFolder && (
            <Text size="xs" c="dimmed" data-testid="files-watching">
              New renders in {shown.previewFolder} are offered for publishing here.
            </Text>
          )}
          {create.isError && <ErrorAlert title="The folder was not created" error={create.error} />}
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          Finding the path…
        </Text>
      )}
      {renders.map((render) => (
        <Alert
          key={render.ref}
          color="blue"
          title="A new render is here"
          withCloseButton
          onClose={() => setRenders((seen) => seen.filter((other) => other !== render))}
          data-testid="render-offer"
        >
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" truncate="end">
              {render.name}
            </Text>
            <Button
              size="compact-sm"
              onClick={() => {
                setRenders((seen) => seen.filter((other) => other !== render));
                requestPublish({ taskId, files: [], refs: [render.ref] });
              }}
              data-testid="render-publish"
            >
              Publish…
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
