import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, localPathOf, mappedRootOf } from './mount-points';

const mounts = [
  { tree: '/mnt/studio', local: '/srv/studio' },
  { tree: '/mnt/studio/renders', local: '/fast/renders' },
];

describe('mount points', () => {
  it('maps a tree path under the longest mount point that prefixes it', () => {
    expect(localPathOf('/mnt/studio/productions/hl/sh010', mounts)).toBe(
      resolve('/srv/studio/productions/hl/sh010'),
    );
    expect(localPathOf('/mnt/studio/renders/hl', mounts)).toBe(resolve('/fast/renders/hl'));
    expect(localPathOf('/mnt/studio', mounts)).toBe(resolve('/srv/studio'));
  });

  it('maps nothing it does not cover, nor a look-alike prefix', () => {
    expect(localPathOf('/mnt/other/x', mounts)).toBeNull();
    expect(localPathOf('/mnt/studio2/x', mounts)).toBeNull();
    expect(localPathOf('/mnt/studio/x', [])).toBeNull();
  });

  it('never climbs out of the mapped folder', () => {
    expect(localPathOf('/mnt/studio/../../etc/passwd', mounts)).toBeNull();
    expect(localPathOf('/mnt/studio/a/../../..', mounts)).toBeNull();
    expect(localPathOf('/mnt/studio\\..\\..\\etc', mounts)).toBeNull();
  });

  it('knows whether a path is under a mapped root', () => {
    expect(isInside('/srv/studio', join('/srv/studio', 'a'))).toBe(true);
    expect(isInside('/srv/studio', '/srv/studio')).toBe(true);
    expect(isInside('/srv/studio', '/srv/studio-other')).toBe(false);
    expect(mappedRootOf('/srv/studio/a/b', mounts)).toBe(resolve('/srv/studio'));
    expect(mappedRootOf('/tmp/x', mounts)).toBeNull();
  });
});
