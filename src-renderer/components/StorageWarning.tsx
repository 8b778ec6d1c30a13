import { Alert } from '@mantine/core';

/** Shown wherever tokens are saved in clear because the OS offers no encryption. */
export function StorageWarning() {
  return (
    <Alert
      color="yellow"
      variant="light"
      title="Your login is stored unencrypted"
      data-testid="storage-warning"
    >
      This computer offers Shotdesk no encrypted storage, so your session is kept in a file only
      your user account can read. Log out when you leave a shared computer.
    </Alert>
  );
}
