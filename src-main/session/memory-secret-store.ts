import type { SecretStore } from './secret-store';

/** Keeps the session in memory only: for tests, and for a "do not remember me" later. */
export class MemorySecretStore implements SecretStore {
  readonly encrypted = true;
  value: string | null = null;

  async read(): Promise<string | null> {
    return this.value;
  }

  async write(secret: string): Promise<void> {
    this.value = secret;
  }

  async clear(): Promise<void> {
    this.value = null;
  }
}
