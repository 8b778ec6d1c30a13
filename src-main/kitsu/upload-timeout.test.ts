import { describe, expect, it } from 'vitest';
import { uploadTimeoutMs } from './kitsu-client';

describe('uploadTimeoutMs', () => {
  it('gives a large file the time 200 KB/s needs, in whole milliseconds', () => {
    expect(uploadTimeoutMs(600_000, 10 * 1024 * 1024)).toBe(600_000);
    const large = 209_715_211; // a 200 MB file with its multipart head and tail
    expect(uploadTimeoutMs(600_000, large)).toBe(1_048_577);
    expect(Number.isInteger(uploadTimeoutMs(600_000, large))).toBe(true);
    // AbortSignal.timeout takes it (a fraction throws ERR_OUT_OF_RANGE).
    expect(() => AbortSignal.timeout(uploadTimeoutMs(600_000, large))).not.toThrow();
  });
});
