import { describe, expect, it } from 'vitest';
import { decodeRadianceHdr, UnreadableHdr } from './radiance-hdr';
import { encodeHdr, type Rgbe } from './preview-serving-test-kit';

const LIMITS = { maxPixels: 1_000_000, maxSide: 4096 };

/** Zou's preview of one RGBE channel: clip to 0–1, gamma 2.2, 8 bits. */
function tone(mantissa: number, exponent: number): number {
  if (exponent === 0) return 0;
  return Math.round(255 * Math.min(1, mantissa * 2 ** (exponent - 136)) ** (1 / 2.2));
}

function expected(width: number, height: number, pixel: (x: number, y: number) => Rgbe) {
  const rgb: number[] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r, g, b, e] = pixel(x, y);
      rgb.push(tone(r, e), tone(g, e), tone(b, e));
    }
  }
  return rgb;
}

// Every pixel different, some runs, some black (exponent 0) and some past white.
const pattern = (x: number, y: number): Rgbe =>
  y === 1
    ? [200, 200, 200, 128]
    : x % 5 === 0
      ? [0, 0, 0, 0]
      : [(x * 7) % 256, y * 30, 255 - x, 127 + y];

describe('reading Radiance HDR pictures', () => {
  it('decodes flat scanlines and tone-maps them as Zou previews them', async () => {
    const picture = await decodeRadianceHdr(encodeHdr(6, 3, pattern, { scheme: 'flat' }), LIMITS);
    expect([picture.width, picture.height]).toEqual([6, 3]);
    expect([...picture.rgb]).toEqual(expected(6, 3, pattern));
    expect(tone(255, 129)).toBe(255);
    expect(tone(128, 128)).toBe(186);
  });

  it('decodes run-length encoded scanlines', async () => {
    const picture = await decodeRadianceHdr(encodeHdr(40, 4, pattern, { scheme: 'rle' }), LIMITS);
    expect([...picture.rgb]).toEqual(expected(40, 4, pattern));
  });

  it('decodes the old repeat-pixel runs', async () => {
    const header = Buffer.from('#?RGBE\n\n-Y 1 +X 4\n', 'latin1');
    // One pixel, then (1, 1, 1, 3): the previous pixel three more times.
    const body = Buffer.from([100, 50, 25, 128, 1, 1, 1, 3]);
    const picture = await decodeRadianceHdr(Buffer.concat([header, body]), LIMITS);
    const one = [tone(100, 128), tone(50, 128), tone(25, 128)];
    expect([...picture.rgb]).toEqual([...one, ...one, ...one, ...one]);
  });

  it('puts the rows and columns of other orientations back in place', async () => {
    const stored = (x: number, y: number): Rgbe => [x * 60, y * 60, 0, 128];
    const flipped = await decodeRadianceHdr(
      encodeHdr(3, 2, stored, { scheme: 'flat', resolution: '+Y 2 -X 3' }),
      LIMITS,
    );
    expect([...flipped.rgb]).toEqual(expected(3, 2, (x, y) => stored(2 - x, 1 - y)));
  });

  it('shrinks a large picture by averaging whole blocks', async () => {
    const halves = (x: number): Rgbe => (x < 8 ? [0, 0, 0, 0] : [255, 255, 255, 130]);
    const picture = await decodeRadianceHdr(encodeHdr(16, 8, halves, { scheme: 'rle' }), {
      maxPixels: 1000,
      maxSide: 4,
    });
    expect([picture.width, picture.height]).toEqual([4, 2]);
    expect([...picture.rgb.subarray(0, 12)]).toEqual([
      0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255,
    ]);
  });

  it('refuses what is not an HDR picture it can read', async () => {
    const refusals: [string, Buffer][] = [
      ['not HDR', Buffer.from('\x89PNG\r\n\x1a\n not a picture\n\n')],
      ['XYZE', encodeHdr(2, 2, pattern, { scheme: 'flat', format: '32-bit_rle_xyze' })],
      ['transposed', encodeHdr(2, 2, pattern, { scheme: 'flat', resolution: '+X 2 -Y 2' })],
      ['too large', encodeHdr(20, 20, pattern, { scheme: 'flat' })],
      ['cut short', encodeHdr(30, 3, pattern, { scheme: 'rle' }).subarray(0, 60)],
      ['no header end', Buffer.from('#?RADIANCE\nFORMAT=32-bit_rle_rgbe')],
    ];
    for (const [label, bytes] of refusals) {
      await expect(
        decodeRadianceHdr(bytes, { maxPixels: 100, maxSide: 50 }),
        label,
      ).rejects.toThrow(UnreadableHdr);
    }
  });
});
