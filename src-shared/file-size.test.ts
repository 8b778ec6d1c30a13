import { describe, expect, it } from 'vitest';
import { formatBytes } from './file-size';

describe('file sizes as people read them', () => {
  it('counts in powers of 1024, one decimal below 100, none when round', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(72.44 * 1024 * 1024)).toBe('72.4 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3 TB');
  });
});
