import { rmSync, statSync } from 'node:fs';
import type { ServerContext } from '../context';
import { QueueClosed } from './serial-job-queue';
import { firstFrameArgs, normalizeArgs, targetFps, targetSize, tileArgs } from './movie-encoding';
import { probeMovie, type MovieFacts } from './movie-probe';
import { stagePictureVariants } from './picture-variants';
import {
  applyPreviewToTask,
  emitPreviewUpdated,
  findPreviewRow,
  loadPreviewTask,
  previewData,
  updatePreviewRow,
  writeWithEvents,
  type PreviewRow,
  type PreviewTask,
} from './preview-rows';
import {
  findMovieSource,
  previewStagingPath,
  removePreviewFiles,
  storePreviewFile,
  type PreviewVariant,
} from './preview-storage';
import { runTool, ToolFailure } from './tool-process';

export interface MovieJobOptions {
  /** false: keep the upload as the movie (`?normalize=false`), only thumbnails and tile. */
  normalize: boolean;
  signal: AbortSignal;
  onToolSpawn?: (tool: 'ffmpeg' | 'ffprobe', pid: number) => void;
}

/** Files a job wrote to the staging folder, each bound for one variant of the store. */
class StagedOutputs {
  readonly files: { variant: PreviewVariant; path: string }[] = [];

  constructor(private readonly dataDir: string) {}

  path(variant: PreviewVariant, extension: string): string {
    const path = previewStagingPath(this.dataDir, extension);
    this.files.push({ variant, path });
    return path;
  }

  drop(path: string): void {
    rmSync(path, { force: true });
    const index = this.files.findIndex((file) => file.path === path);
    if (index >= 0) this.files.splice(index, 1);
  }

  discard(): void {
    for (const file of this.files.splice(0)) rmSync(file.path, { force: true });
  }
}

function entityDataOf(task: PreviewTask): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(task.entity_data ?? '{}');
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * `prepare_and_store_movie`, as a job: probe the source kept at upload, encode the full and
 * low definitions, take the thumbnails from the first frame and a tile, store everything,
 * then `ready`. Any failure leaves the row `broken` with the reason in `data.processing_error`;
 * a closing server leaves it `processing`, to be taken up again at the next start.
 */
export async function processMovie(
  context: ServerContext,
  previewId: string,
  options: MovieJobOptions,
): Promise<void> {
  const preview = findPreviewRow(context.db, previewId);
  if (!preview || preview.status !== 'processing') return;
  const task = loadPreviewTask(context.db, preview.task_id);
  const outputs = new StagedOutputs(context.dataDir);
  try {
    const { movie, facts } = await encode(context, preview, task, outputs, options);
    markReady(context, preview, task, outputs, facts, statSync(movie).size);
  } catch (error) {
    outputs.discard();
    if (error instanceof QueueClosed) throw error;
    markBroken(context, preview, task, reasonOf(error));
  }
}

async function encode(
  context: ServerContext,
  preview: PreviewRow,
  task: PreviewTask,
  outputs: StagedOutputs,
  options: MovieJobOptions,
): Promise<{ movie: string; facts: MovieFacts }> {
  const { signal } = options;
  const source = findMovieSource(context.dataDir, preview.id);
  if (!source) throw new ToolFailure('The uploaded movie is no longer in storage.');
  const tools = { signal, onSpawn: options.onToolSpawn };
  const { ffmpegPath, ffprobePath } = context.settings;
  const ffmpeg = (args: string[]) =>
    runTool(ffmpegPath, args, { ...tools, label: 'ffmpeg', setting: 'ffmpegPath' });
  const entityData = entityDataOf(task);
  const fps = targetFps(task.fps, entityData);

  const original = await probeMovie(ffprobePath, source, tools);
  recordOriginal(context, preview.id, original, statSync(source).size);

  let movie = source;
  if (options.normalize) {
    const target = { ...targetSize(task.resolution, entityData, original), fps };
    movie = outputs.path('movie-previews', 'mp4');
    const lowDefinition = outputs.path('movie-lowdef', 'mp4');
    await ffmpeg(normalizeArgs(source, original, target, { highDefinition: movie, lowDefinition }));
  }
  const facts = await probeMovie(ffprobePath, movie, tools);

  const frame = previewStagingPath(context.dataDir, 'png');
  try {
    await ffmpeg(firstFrameArgs(movie, frame));
    signal.throwIfAborted();
    const picture = await stagePictureVariants(context.dataDir, frame);
    outputs.files.push(...picture.files);
  } finally {
    rmSync(frame, { force: true });
  }

  const tile = outputs.path('tiles', 'png');
  try {
    await ffmpeg(tileArgs(movie, facts, Number(fps), tile));
  } catch (error) {
    // A movie without its tile still plays: Zou logs this and goes on.
    if (signal.aborted || !(error instanceof ToolFailure)) throw error;
    outputs.drop(tile);
  }
  signal.throwIfAborted();
  return { movie, facts };
}

function reasonOf(error: unknown): string {
  if (error instanceof ToolFailure) return error.reason;
  return `Movie processing failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** `data.original_*`: what was uploaded, before normalization (silent, as Zou's). */
function recordOriginal(
  context: ServerContext,
  previewId: string,
  original: MovieFacts,
  fileSize: number,
): void {
  const current = findPreviewRow(context.db, previewId);
  if (!current) return;
  const data = {
    ...previewData(current),
    original_width: original.width,
    original_height: original.height,
    original_duration: original.duration,
    original_file_size: fileSize,
  };
  updatePreviewRow(context.db, previewId, { data: JSON.stringify(data) });
}

function markReady(
  context: ServerContext,
  preview: PreviewRow,
  task: PreviewTask,
  outputs: StagedOutputs,
  movie: MovieFacts,
  fileSize: number,
): void {
  const stored: string[] = [];
  try {
    for (const file of outputs.files) {
      const extension = file.variant.startsWith('movie-') ? 'mp4' : 'png';
      stored.push(
        storePreviewFile(context.dataDir, file.variant, preview.id, extension, file.path),
      );
    }
    const written = writeWithEvents(context, null, (emit) => {
      const values = {
        status: 'ready',
        file_size: fileSize,
        width: movie.width,
        height: movie.height,
        duration: movie.duration,
      };
      if (!updatePreviewRow(context.db, preview.id, values)) return false;
      emitPreviewUpdated(emit, task, preview.id);
      applyPreviewToTask(context.db, emit, task, preview);
      return true;
    });
    // Deleted while it was being processed: its files go with it.
    if (!written) removePreviewFiles(context.dataDir, preview.id, []);
  } catch (error) {
    for (const path of stored) rmSync(path, { force: true });
    throw error;
  }
}

function markBroken(
  context: ServerContext,
  preview: PreviewRow,
  task: PreviewTask,
  reason: string,
): void {
  writeWithEvents(context, null, (emit) => {
    const current = findPreviewRow(context.db, preview.id);
    if (!current) {
      removePreviewFiles(context.dataDir, preview.id, []);
      return;
    }
    const data = { ...previewData(current), processing_error: reason };
    updatePreviewRow(context.db, preview.id, { status: 'broken', data: JSON.stringify(data) });
    emitPreviewUpdated(emit, task, preview.id);
  });
}
