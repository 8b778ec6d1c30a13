// A reader for Radiance HDR (`.hdr`, RGBE) pictures, the only preview background format Zou
// accepts. Neither sharp's libvips build nor the ffmpeg we ship reads it, so the few rules of
// the format are kept here: a text header, a resolution line, then one scanline per row, flat
// or run-length encoded (the "new" per-channel scheme or the old repeat-pixel one).

/**
 * An HDR picture tone-mapped to 8-bit RGB the way Zou previews it (clip to 0–1, gamma 2.2),
 * possibly shrunk (see `DecodeLimits.maxSide`).
 */
export interface ToneMappedPicture {
  width: number;
  height: number;
  /** Row-major RGB, top row first. */
  rgb: Uint8Array;
}

/** Raised when the bytes are not an HDR picture this reader can decode. */
export class UnreadableHdr extends Error {}

const ROWS_PER_SLICE = 128;
const MAX_HEADER_BYTES = 64 * 1024;

/** 8-bit value of each (mantissa, exponent) pair: `round(255 · clip(m · 2^(e−136))^(1/2.2))`. */
const TONE = (() => {
  const table = new Uint8Array(256 * 256);
  for (let exponent = 1; exponent < 256; exponent += 1) {
    const scale = 2 ** (exponent - 136);
    for (let mantissa = 0; mantissa < 256; mantissa += 1) {
      const linear = Math.min(1, mantissa * scale);
      table[exponent * 256 + mantissa] = Math.round(255 * linear ** (1 / 2.2));
    }
  }
  return table;
})();

interface Layout {
  width: number;
  height: number;
  flipRows: boolean;
  flipColumns: boolean;
  dataOffset: number;
}

function readLine(bytes: Uint8Array, offset: number): { line: string; next: number } {
  const end = bytes.indexOf(0x0a, offset);
  if (end < 0 || end > MAX_HEADER_BYTES) throw new UnreadableHdr('The HDR header never ends.');
  return { line: Buffer.from(bytes.subarray(offset, end)).toString('latin1'), next: end + 1 };
}

function readLayout(bytes: Uint8Array, maxPixels: number): Layout {
  let { line, next } = readLine(bytes, 0);
  if (!line.startsWith('#?')) throw new UnreadableHdr('Not a Radiance HDR file.');
  for (;;) {
    ({ line, next } = readLine(bytes, next));
    if (line.trim() === '') break;
    const format = /^FORMAT=(.*)$/.exec(line.trim());
    if (format && format[1] !== '32-bit_rle_rgbe') {
      throw new UnreadableHdr(`Unsupported HDR format: ${format[1] ?? ''}.`);
    }
  }
  ({ line, next } = readLine(bytes, next));
  const size = /^([-+])Y (\d+) ([-+])X (\d+)$/.exec(line.trim());
  if (!size) throw new UnreadableHdr(`Unsupported HDR resolution line: ${line.slice(0, 40)}.`);
  const height = Number(size[2]);
  const width = Number(size[4]);
  if (width < 1 || height < 1 || width * height > maxPixels) {
    throw new UnreadableHdr(`Unsupported HDR size: ${width}×${height}.`);
  }
  return {
    width,
    height,
    flipRows: size[1] === '+',
    flipColumns: size[3] === '-',
    dataOffset: next,
  };
}

/** One scanline as RGBE quadruples into `rgbe` (4 × width bytes); answers the next offset. */
function readScanline(bytes: Uint8Array, offset: number, width: number, rgbe: Uint8Array): number {
  const newScheme =
    width >= 8 &&
    width < 0x8000 &&
    bytes[offset] === 2 &&
    bytes[offset + 1] === 2 &&
    ((bytes[offset + 2] ?? 0x80) & 0x80) === 0;
  if (!newScheme) return readOldScanline(bytes, offset, width, rgbe);
  if ((((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0)) !== width) {
    throw new UnreadableHdr('An HDR scanline has the wrong width.');
  }
  let at = offset + 4;
  for (let channel = 0; channel < 4; channel += 1) {
    let x = 0;
    while (x < width) {
      const count = bytes[at++];
      if (count === undefined) throw new UnreadableHdr('The HDR data ends too early.');
      const run = count > 128;
      const length = run ? count - 128 : count;
      if (length === 0 || x + length > width) throw new UnreadableHdr('A bad HDR run length.');
      for (let i = 0; i < length; i += 1) {
        const value = run ? bytes[at] : bytes[at + i];
        if (value === undefined) throw new UnreadableHdr('The HDR data ends too early.');
        rgbe[(x + i) * 4 + channel] = value;
      }
      at += run ? 1 : length;
      x += length;
    }
  }
  return at;
}

/** Flat pixels, where (1, 1, 1, n) repeats the previous pixel n times (shifted by runs). */
function readOldScanline(bytes: Uint8Array, offset: number, width: number, rgbe: Uint8Array) {
  let at = offset;
  let x = 0;
  let shift = 0;
  while (x < width) {
    if (at + 4 > bytes.length) throw new UnreadableHdr('The HDR data ends too early.');
    const [r, g, b, e] = [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]] as number[];
    at += 4;
    if (r === 1 && g === 1 && b === 1) {
      if (x === 0) throw new UnreadableHdr('An HDR run with nothing to repeat.');
      const count = (e ?? 0) * 2 ** shift;
      if (x + count > width) throw new UnreadableHdr('A bad HDR run length.');
      for (let i = 0; i < count; i += 1) rgbe.copyWithin((x + i) * 4, (x - 1) * 4, x * 4);
      x += count;
      shift += 8;
      continue;
    }
    rgbe.set([r ?? 0, g ?? 0, b ?? 0, e ?? 0], x * 4);
    x += 1;
    shift = 0;
  }
  return at;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface DecodeLimits {
  /** Pictures of more pixels are refused. */
  maxPixels: number;
  /** The answer is shrunk by a whole factor (averaging blocks) until no side is longer. */
  maxSide: number;
}

/** Sums of tone-mapped values over blocks of `factor`×`factor` pixels, one block row at a time. */
class BlockAverager {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
  private readonly sums: Uint32Array;
  private readonly counts: Uint32Array;
  private block = -1;

  constructor(
    sourceWidth: number,
    sourceHeight: number,
    private readonly factor: number,
  ) {
    this.width = Math.ceil(sourceWidth / factor);
    this.height = Math.ceil(sourceHeight / factor);
    this.rgb = new Uint8Array(this.width * this.height * 3);
    this.sums = new Uint32Array(this.width * 3);
    this.counts = new Uint32Array(this.width);
  }

  startRow(sourceRow: number): void {
    const block = Math.floor(sourceRow / this.factor);
    if (block === this.block) return;
    this.flush();
    this.block = block;
  }

  add(sourceX: number, r: number, g: number, b: number): void {
    const x = Math.floor(sourceX / this.factor);
    this.sums[x * 3] = (this.sums[x * 3] ?? 0) + r;
    this.sums[x * 3 + 1] = (this.sums[x * 3 + 1] ?? 0) + g;
    this.sums[x * 3 + 2] = (this.sums[x * 3 + 2] ?? 0) + b;
    this.counts[x] = (this.counts[x] ?? 0) + 1;
  }

  flush(): void {
    if (this.block < 0) return;
    const rowStart = this.block * this.width * 3;
    for (let x = 0; x < this.width; x += 1) {
      const count = this.counts[x] || 1;
      for (let channel = 0; channel < 3; channel += 1) {
        this.rgb[rowStart + x * 3 + channel] = Math.round(
          (this.sums[x * 3 + channel] ?? 0) / count,
        );
      }
    }
    this.sums.fill(0);
    this.counts.fill(0);
  }
}

/**
 * Decodes and tone-maps an HDR file's bytes, a slice of rows at a time so that a large
 * picture does not hold the event loop, and shrinks it on the way to `maxSide`.
 */
export async function decodeRadianceHdr(
  bytes: Uint8Array,
  limits: DecodeLimits,
): Promise<ToneMappedPicture> {
  const layout = readLayout(bytes, limits.maxPixels);
  const { width, height } = layout;
  const factor = Math.max(1, Math.ceil(Math.max(width, height) / limits.maxSide));
  const output = new BlockAverager(width, height, factor);
  const rgbe = new Uint8Array(width * 4);
  let offset = layout.dataOffset;
  for (let row = 0; row < height; row += 1) {
    if (row > 0 && row % ROWS_PER_SLICE === 0) await yieldToEventLoop();
    offset = readScanline(bytes, offset, width, rgbe);
    output.startRow(layout.flipRows ? height - 1 - row : row);
    for (let x = 0; x < width; x += 1) {
      const exponent = (rgbe[x * 4 + 3] ?? 0) * 256;
      output.add(
        layout.flipColumns ? width - 1 - x : x,
        TONE[exponent + (rgbe[x * 4] ?? 0)] ?? 0,
        TONE[exponent + (rgbe[x * 4 + 1] ?? 0)] ?? 0,
        TONE[exponent + (rgbe[x * 4 + 2] ?? 0)] ?? 0,
      );
    }
  }
  output.flush();
  return { width: output.width, height: output.height, rgb: output.rgb };
}
