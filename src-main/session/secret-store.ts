/**
 * Where the session's tokens rest between runs. Electron's implementation encrypts with
 * `safeStorage`; the plain-Node one (dev host, tests) keeps an owner-only file in clear.
 */
export interface SecretStore {
  /** false when what is written sits in clear on disk: the UI warns about it. */
  readonly encrypted: boolean;
  read(): Promise<string | null>;
  write(secret: string): Promise<void>;
  clear(): Promise<void>;
}
