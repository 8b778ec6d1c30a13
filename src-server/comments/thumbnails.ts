import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { newId } from '../db/ids';
import { removeQuietly } from './attachment-store';

/** Raster formats sharp reads that an attachment thumbnail is made for. */
const PICTURE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff']);

export function isPictureAttachment(extension: string | null, mimetype: string | null): boolean {
  if (extension && PICTURE_EXTENSIONS.has(extension.toLowerCase())) return true;
  return !!mimetype && /^image\/(png|jpe?g|gif|webp|bmp|tiff)\b/i.test(mimetype);
}

/** Zou's rectangle thumbnail size. */
const WIDTH = 150;
const HEIGHT = 100;

/**
 * The 150×100 PNG thumbnail of a picture, cropped to fill (made once, then cached at
 * `target`). Returns false when the source is not a picture sharp can read.
 */
export async function ensureThumbnail(source: string, target: string): Promise<boolean> {
  if (existsSync(target)) return true;
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${newId()}.tmp`;
  try {
    await sharp(source, { animated: false })
      .rotate()
      .resize(WIDTH, HEIGHT, { fit: 'cover' })
      .png()
      .toFile(partial);
    renameSync(partial, target);
    return true;
  } catch {
    removeQuietly(partial);
    return false;
  }
}
