import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

/** A temp folder of real preview files: pictures made by sharp, movies by ffmpeg. */
export class PreviewFixtures {
  readonly dir = mkdtempSync(join(tmpdir(), 'shotdesk-previews-'));

  async png(name: string, width = 320, height = 180): Promise<string> {
    const path = join(this.dir, name);
    await sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
      .png()
      .toFile(path);
    return path;
  }

  /** A short H.264 movie of a test pattern (`seconds` long at 24 fps). */
  async movie(name: string, seconds = 1): Promise<string> {
    const path = join(this.dir, name);
    await run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=320x180:rate=24:duration=${seconds}`,
      '-pix_fmt',
      'yuv420p',
      '-c:v',
      'libx264',
      '-y',
      path,
    ]);
    return path;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
