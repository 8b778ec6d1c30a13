import {
  Button,
  CloseButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  MEDIA_CACHE_MB,
  MOUNT_POINTS_MAX,
  type MountPoint,
  type Settings,
} from '../../../src-shared/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSaveSettings } from '../../queries/hooks';

/** This computer's settings: the previews cache's size, and where the file trees' roots are. */
export function SettingsDialog({ settings, onClose }: { settings: Settings; onClose(): void }) {
  const save = useSaveSettings();
  const [cacheGb, setCacheGb] = useState<number>(settings.mediaCacheMb / 1024);
  const [mounts, setMounts] = useState<MountPoint[]>(settings.mountPoints);
  const complete = mounts.filter((mount) => mount.tree.trim() !== '' && mount.local.trim() !== '');
  const halfFilled = mounts.length !== complete.length && mounts.some((m) => m.tree || m.local);

  const submit = () =>
    save.mutate(
      { mediaCacheMb: Math.round(cacheGb * 1024), mountPoints: complete },
      { onSuccess: onClose },
    );
  const update = (index: number, change: Partial<MountPoint>) =>
    setMounts((current) => current.map((m, i) => (i === index ? { ...m, ...change } : m)));

  return (
    <Modal opened onClose={onClose} title="Settings" size="lg" data-testid="settings-dialog">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={5}>Previews kept on this computer</Title>
          <Text size="sm" c="dimmed">
            Movies and pictures you watched stay here, so that they play at once and offline. The
            oldest go first once the cache is full.
          </Text>
          <NumberInput
            aria-label="Previews cache size in GB"
            suffix=" GB"
            min={MEDIA_CACHE_MB.min / 1024}
            max={MEDIA_CACHE_MB.max / 1024}
            step={1}
            decimalScale={2}
            value={cacheGb}
            onChange={(value) => setCacheGb(typeof value === 'number' ? value : Number(value))}
            w={160}
            data-testid="settings-media-cache"
          />
        </Stack>
        <Stack gap={4}>
          <Title order={5}>Production folders</Title>
          <Text size="sm" c="dimmed">
            Where the project file tree’s roots are on this computer: Kitsu’s paths start with the
            tree’s mount point (e.g. /prod); working files go to the folder you give here. Shotdesk
            creates folders only under these.
          </Text>
          {mounts.map((mount, index) => (
            <Group key={index} gap="xs" wrap="nowrap" data-testid="settings-mount">
              <TextInput
                aria-label="Mount point in the file tree"
                placeholder="/prod"
                value={mount.tree}
                onChange={(event) => update(index, { tree: event.currentTarget.value })}
                w={180}
              />
              <Text size="sm" c="dimmed">
                is
              </Text>
              <TextInput
                aria-label="Folder on this computer"
                placeholder="/mnt/prod or D:\prod"
                value={mount.local}
                onChange={(event) => update(index, { local: event.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <CloseButton
                aria-label="Remove this folder"
                onClick={() => setMounts((current) => current.filter((_, i) => i !== index))}
              />
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              disabled={mounts.length >= MOUNT_POINTS_MAX}
              onClick={() => setMounts((current) => [...current, { tree: '', local: '' }])}
              data-testid="settings-mount-add"
            >
              Add a production folder
            </Button>
          </Group>
          {halfFilled && (
            <Text size="xs" c="orange">
              Rows with only one side filled are not saved.
            </Text>
          )}
        </Stack>
        {save.isError && (
          <ErrorAlert
            title="The settings were not saved"
            error={save.error}
            testId="settings-error"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="settings-save">
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
