import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../cli-args';

describe('the server command line: preview settings', () => {
  it('passes the preview size limit, the movie tools and the job timeout to the server', () => {
    const options = parseCliArgs([
      ...['--data-dir', '/tmp/x', '--max-preview-bytes', '1048576'],
      ...['--ffmpeg', '/opt/ff/ffmpeg', '--ffprobe', '/opt/ff/ffprobe'],
      ...['--movie-job-timeout', '600'],
    ]);
    expect(options.settings).toEqual({
      maxPreviewBytes: 1048576,
      ffmpegPath: '/opt/ff/ffmpeg',
      ffprobePath: '/opt/ff/ffprobe',
      movieJobTimeoutSeconds: 600,
    });
    expect(parseCliArgs(['--data-dir', '/tmp/x']).settings).toEqual({});
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => parseCliArgs(['--data-dir', '/tmp/x', '--max-preview-bytes', '10MB'])).toThrow(
      '--max-preview-bytes must be a positive integer, got "10MB"',
    );
    expect(() => parseCliArgs(['--data-dir', '/tmp/x', '--movie-job-timeout', '0'])).toThrow(
      '--movie-job-timeout must be a positive integer, got "0"',
    );
  });
});
