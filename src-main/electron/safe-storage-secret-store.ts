import { readFile, rm } from 'node:fs/promises';
import { safeStorage } from 'electron';
import { FileSecretStore, writeOwnerOnly } from '../session/file-secret-store';
import type { SecretStore } from '../session/secret-store';

/**
 * The session encrypted with the OS keychain through `safeStorage`. Where the OS offers none
 * (Linux without a secret service: the "basic_text" backend), an owner-only clear file, and
 * `encrypted: false` so that the UI shows its warning. Call after `app` is ready.
 */
export function createSafeStorageSecretStore(
  encryptedPath: string,
  clearPath: string,
): SecretStore {
  const available =
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  return available ? new EncryptedFileStore(encryptedPath) : new FileSecretStore(clearPath);
}

class EncryptedFileStore implements SecretStore {
  readonly encrypted = true;

  constructor(private readonly path: string) {}

  async read(): Promise<string | null> {
    let data: Buffer;
    try {
      data = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return safeStorage.decryptString(data);
    } catch {
      // Another user's keychain or a changed key: the person logs in again.
      return null;
    }
  }

  async write(secret: string): Promise<void> {
    await writeOwnerOnly(this.path, safeStorage.encryptString(secret));
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
