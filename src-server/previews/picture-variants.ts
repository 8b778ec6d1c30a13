import { rmSync } from 'node:fs';
import sharp, { type OutputInfo } from 'sharp';
import type { PreviewVariant } from './preview-storage';
import { previewStagingPath } from './preview-storage';

/** Zou's `thumbnail.py` sizes; a height of 0 follows the picture's ratio. */
const SIZES: [PreviewVariant, number, number][] = [
  ['thumbnails', 150, 100],
  ['thumbnails-square', 100, 100],
  ['previews', 1200, 0],
];

const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };

/** A picture's stored forms, written to the staging folder and not yet in the store. */
export interface StagedPicture {
  width: number;
  height: number;
  files: { variant: PreviewVariant; path: string }[];
}

/** Raised when the upload is not a picture the decoder can read. */
export class UnreadablePicture extends Error {}

export function discardStagedPicture(picture: StagedPicture): void {
  for (const file of picture.files) rmSync(file.path, { force: true });
}

/**
 * `save_picture_preview` + `save_variants`: the `original` (the upload as an sRGB PNG, whose
 * size is the preview's) and the thumbnail, square and 1200-wide forms, each fitted inside its
 * box on a transparent background as Zou's `turn_into_thumbnail` does. Runs on libuv's thread
 * pool, never on the event loop.
 */
export async function stagePictureVariants(
  dataDir: string,
  sourcePath: string,
): Promise<StagedPicture> {
  const picture: StagedPicture = { width: 0, height: 0, files: [] };
  try {
    const originalPath = previewStagingPath(dataDir, 'png');
    picture.files.push({ variant: 'original', path: originalPath });
    let info: OutputInfo;
    try {
      info = await sharp(sourcePath, { animated: false, failOn: 'error' })
        .autoOrient()
        .toColourspace('srgb')
        .png()
        .toFile(originalPath);
    } catch (error) {
      throw new UnreadablePicture((error as Error).message);
    }
    picture.width = info.width;
    picture.height = info.height;
    for (const [variant, width, boxHeight] of SIZES) {
      const height = boxHeight || Math.max(1, Math.ceil((width * info.height) / info.width));
      const path = previewStagingPath(dataDir, 'png');
      picture.files.push({ variant, path });
      await sharp(originalPath)
        .ensureAlpha()
        .resize(width, height, { fit: 'contain', background: TRANSPARENT })
        .png()
        .toFile(path);
    }
    return picture;
  } catch (error) {
    discardStagedPicture(picture);
    throw error;
  }
}
