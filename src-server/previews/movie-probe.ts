import { runTool, ToolFailure, type ToolOptions } from './tool-process';

/** What the pipeline needs to know of a movie, read by ffprobe. */
export interface MovieFacts {
  width: number;
  height: number;
  /** Seconds: the video stream's duration, else the container's; 0 when neither is known. */
  duration: number;
  hasAudio: boolean;
  /** Display width over height (the sample aspect ratio applied). */
  displayRatio: number;
}

interface ProbeStream {
  codec_type?: string;
  width?: number;
  height?: number;
  duration?: string;
  display_aspect_ratio?: string;
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { duration?: string };
}

function positiveNumber(value: string | undefined): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : 0;
}

function ratioOf(stream: ProbeStream, width: number, height: number): number {
  const [w, h] = (stream.display_aspect_ratio ?? '').split(':').map(Number);
  return w && h && Number.isFinite(w / h) ? w / h : width / height;
}

export async function probeMovie(
  ffprobe: string,
  path: string,
  options: Omit<ToolOptions, 'label' | 'setting' | 'readStdout'>,
): Promise<MovieFacts> {
  const output = await runTool(
    ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', path],
    { ...options, label: 'ffprobe', setting: 'ffprobePath', readStdout: true },
  );
  let probe: ProbeOutput;
  try {
    probe = JSON.parse(output) as ProbeOutput;
  } catch {
    throw new ToolFailure('ffprobe answered something that is not JSON.');
  }
  const streams = probe.streams ?? [];
  const video = streams.find((stream) => stream.codec_type === 'video');
  if (!video?.width || !video.height) {
    throw new ToolFailure('The movie has no video stream that ffprobe can read.');
  }
  return {
    width: video.width,
    height: video.height,
    duration: positiveNumber(video.duration) || positiveNumber(probe.format?.duration),
    hasAudio: streams.some((stream) => stream.codec_type === 'audio'),
    displayRatio: ratioOf(video, video.width, video.height),
  };
}
