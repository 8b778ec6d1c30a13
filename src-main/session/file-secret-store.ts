import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretStore } from './secret-store';

/** Clear text in a file only its owner may read (0600), replaced atomically. */
export class FileSecretStore implements SecretStore {
  readonly encrypted = false;

  constructor(private readonly path: string) {}

  async read(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(secret: string): Promise<void> {
    await writeOwnerOnly(this.path, secret);
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

export async function writeOwnerOnly(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data, { mode: 0o600 });
  // writeFile keeps the mode of a file that already existed.
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
