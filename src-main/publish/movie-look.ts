import { execFile } from 'node:child_process';
import type { PublishMovieFacts } from '../../src-shared/publish';

/** Where the tools are; found on the PATH unless the environment says otherwise. */
export interface MovieTools {
  ffmpeg: string;
  ffprobe: string;
}

export const MOVIE_TOOLS_ON_PATH: MovieTools = {
  ffmpeg: process.env.SHOTDESK_FFMPEG || 'ffmpeg',
  ffprobe: process.env.SHOTDESK_FFPROBE || 'ffprobe',
};

const TOOL_TIMEOUT_MS = 10_000;
const THUMBNAIL_FILTER = 'scale=160:90:force_original_aspect_ratio=decrease';

/**
 * A movie's size, rate and length, and a frame of it, before it is published: what the
 * artist checks (the right render? the project's rate?). Both come from ffprobe and ffmpeg
 * when this computer has them, and are null otherwise: the publish never depends on them.
 */
export async function lookAtMovie(
  path: string,
  tools: MovieTools = MOVIE_TOOLS_ON_PATH,
): Promise<{ facts: PublishMovieFacts | null; thumbnail: string | null }> {
  const facts = await probe(path, tools.ffprobe);
  const thumbnail = await frame(path, tools.ffmpeg, facts?.durationSeconds ?? null);
  return { facts, thumbnail };
}

async function probe(path: string, ffprobe: string): Promise<PublishMovieFacts | null> {
  const output = await run(ffprobe, [
    '-v', 'error', '-select_streams', 'v:0',
    '-show_entries', 'stream=width,height,avg_frame_rate,r_frame_rate:format=duration',
    '-of', 'json', path,
  ]); // prettier-ignore
  if (!output) return null;
  try {
    const parsed = JSON.parse(output.toString('utf8')) as {
      streams?: {
        width?: number;
        height?: number;
        avg_frame_rate?: string;
        r_frame_rate?: string;
      }[];
      format?: { duration?: string };
    };
    const stream = parsed.streams?.[0];
    if (!stream?.width || !stream.height) return null;
    const fps = rate(stream.avg_frame_rate) ?? rate(stream.r_frame_rate);
    const duration = Number(parsed.format?.duration);
    return {
      width: stream.width,
      height: stream.height,
      fps,
      durationSeconds: Number.isFinite(duration) && duration > 0 ? duration : null,
    };
  } catch {
    return null;
  }
}

/** A frame from a little way in (the first is often black), as a PNG data URL. */
async function frame(
  path: string,
  ffmpeg: string,
  durationSeconds: number | null,
): Promise<string | null> {
  const at = durationSeconds === null ? 0 : Math.min(1, durationSeconds / 2);
  const png = await run(ffmpeg, [
    '-v', 'error', '-ss', at.toFixed(3), '-i', path, '-frames:v', '1',
    '-vf', THUMBNAIL_FILTER, '-f', 'image2pipe', '-c:v', 'png', '-',
  ]); // prettier-ignore
  return png && png.length > 0 ? `data:image/png;base64,${png.toString('base64')}` : null;
}

/** `24000/1001` → 23.976…; null for `0/0` and the like. */
function rate(text: string | undefined): number | null {
  const [numerator, denominator] = (text ?? '').split('/').map(Number);
  if (!numerator || !denominator) return null;
  return numerator / denominator;
}

/** The tool's stdout, or null when it is missing, fails or takes too long. */
function run(command: string, args: string[]): Promise<Buffer | null> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { encoding: 'buffer', timeout: TOOL_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 4 << 20 },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}
