import sharp, { type Sharp } from 'sharp';
import type { ToneMappedPicture } from './radiance-hdr';

/** A thumbnail's box, as Zou's `thumbnail.py` sizes them. */
export interface ThumbnailBox {
  width: number;
  height: number;
}

/** `BIG_SQUARE_SIZE`: persons, projects and the organisation. */
export const BIG_SQUARE: ThumbnailBox = { width: 400, height: 400 };
/** `BIG_RECTANGLE_SIZE`: preview background files. */
export const BIG_RECTANGLE: ThumbnailBox = { width: 300, height: 200 };

/** Raised when an upload is not a picture the decoder can read. */
export class UnreadablePicture extends Error {}

const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };

/**
 * `turn_into_thumbnail`: the picture fitted inside the box, centred on a transparent PNG of
 * the box's size. (Zou stretches a picture smaller than the box to fill it; it is enlarged
 * here with its proportions kept.)
 */
function fitted(image: Sharp, box: ThumbnailBox): Sharp {
  return image
    .ensureAlpha()
    .resize(box.width, box.height, { fit: 'contain', background: TRANSPARENT })
    .png();
}

/** A thumbnail of an uploaded picture (any format sharp reads), written to `target`. */
export async function thumbnailOfPictureFile(
  sourcePath: string,
  box: ThumbnailBox,
  target: string,
): Promise<void> {
  try {
    const image = sharp(sourcePath, { animated: false, failOn: 'error' })
      .autoOrient()
      .toColourspace('srgb');
    await fitted(image, box).toFile(target);
  } catch (error) {
    throw new UnreadablePicture((error as Error).message);
  }
}

/** A thumbnail of a decoded HDR picture, written to `target`. */
export async function thumbnailOfToneMapped(
  picture: ToneMappedPicture,
  box: ThumbnailBox,
  target: string,
): Promise<void> {
  const image = sharp(picture.rgb, {
    raw: { width: picture.width, height: picture.height, channels: 3 },
  });
  await fitted(image, box).toFile(target);
}
