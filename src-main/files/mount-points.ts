import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { MountPoint } from '../../src-shared/settings';

/**
 * A file tree path (`/prod/show/shots/...`, always `/`-separated as Shotdesk asks Kitsu) on this
 * computer: under the local folder of the longest mount point that prefixes it; null when none
 * does. The rest of the path never climbs out of the local folder.
 */
export function localPathOf(treePath: string, mounts: readonly MountPoint[]): string | null {
  const normal = treePath.replace(/\\/g, '/');
  const candidates = [...mounts].sort((a, b) => b.tree.length - a.tree.length);
  for (const mount of candidates) {
    const prefix = mount.tree.replace(/\\/g, '/').replace(/\/+$/, '');
    if (normal !== prefix && !normal.startsWith(`${prefix}/`)) continue;
    const rest = normal
      .slice(prefix.length)
      .split('/')
      .filter((part) => part !== '');
    const root = resolve(mount.local);
    const local = resolve(join(root, ...rest));
    return isInside(root, local) ? local : null;
  }
  return null;
}

/** Whether `path` is `root` or below it. */
export function isInside(root: string, path: string): boolean {
  const between = relative(resolve(root), resolve(path));
  return (
    between === '' ||
    (!between.startsWith('..') && !isAbsolute(between) && !between.startsWith(`..${sep}`))
  );
}

/** The mapped root a local path is under, if any: folders are only created there. */
export function mappedRootOf(path: string, mounts: readonly MountPoint[]): string | null {
  return mounts.map((mount) => resolve(mount.local)).find((root) => isInside(root, path)) ?? null;
}

/** The first segment(s) of a tree path no mapping covers, to tell the person what to map. */
export function mountPointOf(treePath: string, treeMountPoint: string | null): string {
  if (treeMountPoint) return treeMountPoint;
  const [first] = treePath
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '');
  return `/${first ?? ''}`;
}
