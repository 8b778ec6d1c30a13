import type { MovieFacts } from './movie-probe';

// What `zou/utils/movie.py` does to an uploaded movie, as ffmpeg arguments: H.264 yuv420p,
// `+faststart`, a constant frame rate at the project's fps, fitted inside the project's
// resolution with black bars, a full-definition and a 1280-wide low-definition version, a
// silent soundtrack added when the source has none (players and playlist builds expect one).

const RESOLUTION = /^(\d{3,4})x(\d{3,4})$/;
const HEIGHT_ONLY = /^x(\d{3,4})$/;
const DEFAULT_HEIGHT = 1080;
const LOW_DEFINITION_WIDTH = 1280;

/** Zou's bitrates (`normalize_movie`): the full definition is meant to look like the source. */
const HIGH_DEFINITION_BITRATE = '28M';
const LOW_DEFINITION_BITRATE = '6M';

/**
 * A keyframe every two frames, as Zou encodes, so that players step and scrub to any frame
 * at once. x264's "fast" rather than Zou's "slow": on two cores "slow" costs minutes per shot
 * for a difference nobody sees at 28 Mb/s.
 */
const X264_OPTIONS = ['-preset', 'fast', '-x264-params', 'keyint=2:scenecut=0'];

export interface EncodingTarget {
  width: number;
  height: number;
  /** Frames per second, as Zou formats it ("25.000"). */
  fps: string;
}

function even(value: number): number {
  return value % 2 === 1 ? value + 1 : value;
}

/** `get_preview_file_fps`: the entity's fps, else the project's, else 25. */
export function targetFps(projectFps: string | null, entityData: Record<string, unknown>): string {
  let fps = projectFps ? projectFps.replace(',', '.') : '25';
  const entityFps = entityData.fps;
  if (entityFps !== undefined && entityFps !== null && entityFps !== '') {
    fps = String(entityFps as string | number).replace(',', '.');
  }
  const value = Number.parseFloat(fps);
  return (Number.isFinite(value) && value > 0 ? value : 25).toFixed(3);
}

/**
 * `get_preview_file_dimensions` then `normalize_movie`'s rounding: the entity's resolution,
 * else the project's ("1920x1080", or "x1080" to keep the source's ratio), else 1080 high;
 * both sides even, as H.264 in yuv420p needs.
 */
export function targetSize(
  projectResolution: string | null,
  entityData: Record<string, unknown>,
  source: Pick<MovieFacts, 'width' | 'height'>,
): { width: number; height: number } {
  const entityResolution = typeof entityData.resolution === 'string' ? entityData.resolution : null;
  const resolution =
    entityResolution && RESOLUTION.test(entityResolution) ? entityResolution : projectResolution;
  let width: number | null = null;
  let height = DEFAULT_HEIGHT;
  const full = RESOLUTION.exec(resolution ?? '');
  const heightOnly = HEIGHT_ONLY.exec(resolution ?? '');
  if (full) {
    width = Number(full[1]);
    height = Number(full[2]);
  } else if (heightOnly) {
    height = Number(heightOnly[1]);
  }
  width ??= Math.floor((source.width / source.height) * height);
  return { width: even(width), height: even(height) };
}

/** 1280 wide as Zou's, but never wider than the full definition (Zou would upscale). */
export function lowDefinitionOf(target: EncodingTarget): EncodingTarget {
  if (target.width <= LOW_DEFINITION_WIDTH) return target;
  const height = even(Math.floor((target.height / target.width) * LOW_DEFINITION_WIDTH));
  return { width: LOW_DEFINITION_WIDTH, height, fps: target.fps };
}

/** De-anamorph, fit inside the frame keeping the ratio, pad with black, then constant fps. */
function videoFilter(target: EncodingTarget): string {
  const { width, height, fps } = target;
  return [
    'scale=trunc(iw*sar/2)*2:ih',
    `scale=${width}:${height}:force_original_aspect_ratio=decrease:force_divisible_by=2`,
    `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2`,
    'setsar=1',
    `fps=${fps}`,
  ].join(',');
}

function outputArgs(target: EncodingTarget, bitrate: string, audioInput: string, path: string) {
  return [
    ...['-map', '0:v:0', '-map', audioInput],
    ...['-vf', videoFilter(target), '-r', target.fps],
    ...['-c:v', 'libx264', ...X264_OPTIONS, '-pix_fmt', 'yuv420p', '-b:v', bitrate],
    ...['-c:a', 'aac', '-ar', '48000', '-ac', '2'],
    ...['-movflags', '+faststart', '-f', 'mp4', path],
  ];
}

/** One ffmpeg run that decodes the source once and writes both definitions. */
export function normalizeArgs(
  sourcePath: string,
  source: MovieFacts,
  target: EncodingTarget,
  outputs: { highDefinition: string; lowDefinition: string },
): string[] {
  const input = ['-hide_banner', '-nostdin', '-y', '-i', sourcePath];
  let audioInput = '0:a:0';
  if (!source.hasAudio) {
    const length = source.duration > 0 ? ['-t', source.duration.toFixed(3)] : [];
    input.push('-f', 'lavfi', ...length, '-i', 'anullsrc=channel_layout=stereo:sample_rate=48000');
    audioInput = '1:a:0';
  }
  // Without a known duration, the endless silence must stop with the picture.
  const shortest = !source.hasAudio && source.duration <= 0 ? ['-shortest'] : [];
  return [
    ...input,
    ...shortest,
    ...outputArgs(target, HIGH_DEFINITION_BITRATE, audioInput, outputs.highDefinition),
    ...shortest,
    ...outputArgs(
      lowDefinitionOf(target),
      LOW_DEFINITION_BITRATE,
      audioInput,
      outputs.lowDefinition,
    ),
  ];
}

/** `generate_thumbnail`: the first frame as a PNG. */
export function firstFrameArgs(moviePath: string, framePath: string): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-y', '-ss', '0', '-i', moviePath],
    ...['-frames:v', '1', '-update', '1', framePath],
  ];
}

/**
 * `generate_tile`: a contact sheet 8 frames wide and 100 px high per frame, every frame while
 * that makes at most 480 rows, else an even sample of 3,840 frames.
 */
export function tileArgs(
  moviePath: string,
  movie: Pick<MovieFacts, 'duration' | 'displayRatio'>,
  fps: number,
  tilePath: string,
): string[] {
  const frames = Math.max(1, Math.floor(movie.duration * fps));
  const rows = Math.max(1, Math.min(Math.ceil(frames / 8), 480));
  const select = rows === 480 ? `select='not(mod(n\\,${Math.ceil(frames / 3840)}))',` : '';
  const width = Math.ceil(100 * movie.displayRatio);
  return [
    ...['-hide_banner', '-nostdin', '-y', '-i', moviePath],
    ...['-vf', `${select}scale=${width}:100,tile=8x${rows}`],
    ...['-frames:v', '1', '-update', '1', tilePath],
  ];
}
