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
 * `replace_extracted_frame_for_preview_file`: the movie's frame `frame` (from 1, at the fps)
 * becomes the preview's thumbnail, square and 1200-wide forms, so that the entity shows the
 * frame a person picked.
 */
export async function replacePreviewThumbnails(
  context: ServerContext,
  previewId: string,
  moviePath: string,
  frame: number,
): Promise<void> {
  const facts = prepareCached(
    context.db,
    `SELECT p.fps, e.data FROM preview_file pf JOIN task t ON t.id = pf.task_id
     JOIN project p ON p.id = t.project_id LEFT JOIN entity e ON e.id = t.entity_id
     WHERE pf.id = ?`,
  ).get(previewId) as { fps: string | null; data: string | null } | undefined;
  // The entity's own fps wins over the project's, as in `get_preview_file_fps`.
  const entityData = facts?.data ? (JSON.parse(facts.data) as Record<string, unknown>) : {};
  const fps = Number(targetFps(facts?.fps ?? null, entityData)) || 25;
  const framePath = previewStagingPath(context.dataDir, 'png');
  try {
    // Kitsu numbers frames from 1; the middle of the frame, so a seek never lands on its neighbour.
    const seconds = ((Math.max(1, frame) - 0.5) / fps).toFixed(4);
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
    // Every picture form, the original too, as `save_variants` does.
    for (const file of picture.files) {
      storePreviewFile(context.dataDir, file.variant, previewId, 'png', file.path);
    }
  } finally {
    rmSync(framePath, { force: true });
  }
}
