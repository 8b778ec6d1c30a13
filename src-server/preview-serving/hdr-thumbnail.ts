import { readFile } from 'node:fs/promises';
import { BIG_RECTANGLE, thumbnailOfToneMapped } from './picture-thumbnails';
import { decodeRadianceHdr, UnreadableHdr } from './radiance-hdr';

/** 16K × 8K: the largest environment maps studios use as preview backgrounds. */
const MAX_HDR_PIXELS = 16384 * 8192;
/** An RGBE file is never larger than its pixels flat, plus its header. */
const MAX_HDR_BYTES = MAX_HDR_PIXELS * 4 + 64 * 1024;
/** Decoding shrinks to this before sharp makes the thumbnail (a few times its size). */
const DECODED_SIDE = 1200;

/**
 * `turn_hdr_into_thumbnail`: the HDR picture clipped to 0–1, gamma 2.2, fitted into Zou's
 * 300×200 box as a PNG at `target`. Throws UnreadableHdr for anything it cannot decode.
 */
export async function makeHdrThumbnail(
  sourcePath: string,
  sourceBytes: number,
  target: string,
): Promise<void> {
  if (sourceBytes > MAX_HDR_BYTES) throw new UnreadableHdr('The HDR file is too large.');
  const picture = await decodeRadianceHdr(await readFile(sourcePath), {
    maxPixels: MAX_HDR_PIXELS,
    maxSide: DECODED_SIDE,
  });
  await thumbnailOfToneMapped(picture, BIG_RECTANGLE, target);
}
