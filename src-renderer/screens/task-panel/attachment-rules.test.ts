import { describe, expect, it } from 'vitest';
import { addFiles, type FileLike } from './attachment-rules';

const file = (name: string, size: number, lastModified = 1): FileLike => ({
  name,
  size,
  lastModified,
});
const MB = 1024 * 1024;

describe('adding attachments', () => {
  it('keeps files up to the size cap and refuses bigger ones with the reason', () => {
    const added = addFiles([], [file('notes.txt', 12), file('edit.mov', 50 * MB + 1)]);
    expect(added.files.map((f) => f.name)).toEqual(['notes.txt']);
    expect(added.refusals).toEqual([
      '“edit.mov” (50 MB) is larger than 50 MB, the most one attachment may weigh. ' +
        'Share a link to it instead, or send a smaller file.',
    ]);
    expect(addFiles([], [file('exact.bin', 50 * MB)]).files).toHaveLength(1);
  });

  it('keeps the same file once, and no more files than a comment carries', () => {
    const first = file('a.png', 10);
    const added = addFiles([first], [file('a.png', 10), file('b.png', 10), file('c.png', 10)], {
      maxBytes: 100,
      maxFiles: 2,
    });
    expect(added.files.map((f) => f.name)).toEqual(['a.png', 'b.png']);
    expect(added.refusals).toEqual(['“c.png” was left out: one comment carries at most 2 files.']);
    // Same name, another file.
    expect(addFiles([first], [file('a.png', 10, 2)]).files).toHaveLength(2);
  });
});
