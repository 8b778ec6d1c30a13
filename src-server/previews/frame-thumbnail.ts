import { rmSync } from 'node:fs';
import type { ServerContext } from '../context';
import { prepareCached } from '../crud/sql';
import { badRequest } from '../http/errors';
import { targetFps } from './movie-encoding';
import { stagePictureVariants } from './picture-variants';
import { previewStagingPath, storePreviewFile } from './preview-storage';
import { runTool, ToolFailure } from './tool-process';

const FRAME_TIMEOUT_MS = 60_000;

/**
 * `replace_extracted_frame_for_preview_file`: the movie's frame `frame` (at the project's fps)
 * becomes the preview's thumbnail, square and 1200-wide forms, so that the entity shows the
 * frame a person picked.
 */
export async function replacePreviewThumbnails(
  context: ServerContext,
  previewId: string,
  moviePath: string,
  projectId: string,
  frame: number,
): Promise<void> {
  const project = prepareCached(context.db, 'SELECT fps FROM project WHERE id = ?').get(
    projectId,
  ) as { fps: string | null } | undefined;
  const fps = Number(targetFps(project?.fps ?? null, {})) || 25;
  const framePath = previewStagingPath(context.dataDir, 'png');
  try {
    // The middle of the frame: a seek never lands on its neighbour.
    const seconds = ((frame + 0.5) / fps).toFixed(4);
    await runTool(
      context.settings.ffmpegPath,
      [
        '-hide_banner',
        '-nostdin',
        '-y',
        '-ss',
        seconds,
        '-i',
        moviePath,
        '-frames:v',
        '1',
        framePath,
      ],
      { label: 'ffmpeg', setting: 'ffmpegPath', signal: AbortSignal.timeout(FRAME_TIMEOUT_MS) },
    ).catch((error: unknown) => {
      if (error instanceof ToolFailure)
        throw badRequest(`The frame could not be read: ${error.message}`);
      throw error;
    });
    const picture = await stagePictureVariants(context.dataDir, framePath).catch(() => {
      throw badRequest(`Frame ${frame} is past the end of the movie.`);
    });
    for (const file of picture.files) {
      if (file.variant === 'original') rmSync(file.path, { force: true });
      else storePreviewFile(context.dataDir, file.variant, previewId, 'png', file.path);
    }
  } finally {
    rmSync(framePath, { force: true });
  }
}
