import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ApiResponse } from '../crud/crud-test-kit';
import type { TestServer } from '../test-support/test-server';
import { picturesRoot } from './picture-storage';

// Fixtures for the preview-serving suites: Radiance HDR files written byte by byte (neither
// sharp nor our ffmpeg writes them), pictures made with sharp, uploads as Kitsu sends them and
// GETs that keep the bytes and headers.

/** One RGBE pixel: mantissas and a shared exponent (128 means "× 1/256"). */
export type Rgbe = [number, number, number, number];

export interface HdrOptions {
  /** `flat`: raw pixels; `rle`: Radiance's per-channel run-length scanlines. */
  scheme: 'flat' | 'rle';
  /** The resolution line; standard orientation by default. */
  resolution?: string;
  format?: string;
}

/** Radiance's "new" run-length encoding of one channel of a scanline. */
function encodeChannel(values: number[]): number[] {
  const out: number[] = [];
  let literal: number[] = [];
  const flushLiteral = () => {
    for (let start = 0; start < literal.length; start += 128) {
      const chunk = literal.slice(start, start + 128);
      out.push(chunk.length, ...chunk);
    }
    literal = [];
  };
  for (let x = 0; x < values.length;) {
    let run = 1;
    while (x + run < values.length && values[x + run] === values[x] && run < 127) run += 1;
    if (run >= 3) {
      flushLiteral();
      out.push(128 + run, values[x] ?? 0);
      x += run;
    } else {
      literal.push(values[x] ?? 0);
      x += 1;
    }
  }
  flushLiteral();
  return out;
}

/** A Radiance HDR file whose pixel at (x, y), top row first, is `pixel(x, y)`. */
export function encodeHdr(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgbe,
  options: HdrOptions,
): Buffer {
  const header =
    `#?RADIANCE\n# made by a test\nFORMAT=${options.format ?? '32-bit_rle_rgbe'}\n\n` +
    `${options.resolution ?? `-Y ${height} +X ${width}`}\n`;
  const body: number[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Array.from({ length: width }, (_, x) => pixel(x, y));
    if (options.scheme === 'flat') {
      for (const rgbe of row) body.push(...rgbe);
      continue;
    }
    body.push(2, 2, width >> 8, width & 0xff);
    for (let channel = 0; channel < 4; channel += 1) {
      body.push(...encodeChannel(row.map((rgbe) => rgbe[channel] ?? 0)));
    }
  }
  return Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from(body)]);
}

/** A sky: bright at the top, darker below, a warm sun on the left. */
export function skyHdr(width: number, height: number): Buffer {
  return encodeHdr(
    width,
    height,
    (x, y) => (x < width / 8 && y < height / 4 ? [255, 200, 60, 129] : [60, 90, 200 - y, 128]),
    { scheme: 'rle' },
  );
}

export function picture(format: 'png' | 'jpeg', width: number, height: number): Promise<Buffer> {
  const image = sharp({
    create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } },
  });
  return (format === 'png' ? image.png() : image.jpeg()).toBuffer();
}

/** A multipart POST with one `file` part, as Kitsu uploads. */
export async function postFile(
  server: TestServer,
  token: string,
  path: string,
  bytes: Uint8Array,
  filename: string,
  field = 'file',
): Promise<ApiResponse> {
  const form = new FormData();
  form.append(field, new Blob([bytes]), filename);
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? '' : JSON.parse(text) };
}

export interface Fetched {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export async function getBytes(
  server: TestServer,
  token: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Fetched> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}`, ...headers },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

export function json(fetched: Fetched): unknown {
  return JSON.parse(fetched.bytes.toString('utf8'));
}

/** Every file under `<dataDir>/pictures` (relative), staging included. */
export function storedPictures(server: TestServer): string[] {
  const root = picturesRoot(server.context.dataDir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
}

/** The RGBA of one pixel of a PNG. */
export async function pixelAt(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * 4;
  return [...data.subarray(at, at + 4)];
}
