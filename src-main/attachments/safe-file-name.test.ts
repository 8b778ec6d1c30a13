import { describe, expect, it } from 'vitest';
import { numberedName, safeFileName } from './safe-file-name';

describe('safeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeFileName('arc reference v2.png')).toBe('arc reference v2.png');
    expect(safeFileName('Références été.pdf')).toBe('Références été.pdf');
  });

  it('keeps only the last path segment, whatever the separator', () => {
    expect(safeFileName('../../x')).toBe('x');
    expect(safeFileName('..\\..\\Windows\\evil.dll')).toBe('evil.dll');
    expect(safeFileName('/etc/passwd')).toBe('passwd');
    expect(safeFileName('notes/..')).toBe('notes');
  });

  it('never yields a dot name, a hidden file or an empty name', () => {
    expect(safeFileName('..')).toBe('attachment');
    expect(safeFileName('.')).toBe('attachment');
    expect(safeFileName('', 'attachment.txt')).toBe('attachment.txt');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('  spaced. ')).toBe('spaced');
  });

  it('replaces control and reserved characters, and renames device names', () => {
    expect(safeFileName('a\u0000b\nc:d*e?.txt')).toBe('a_b_c_d_e_.txt');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('console.txt')).toBe('console.txt');
  });

  it('shortens a long name but keeps its extension', () => {
    const safe = safeFileName(`${'é'.repeat(300)}.mov`);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
    expect(safe.endsWith('.mov')).toBe(true);
  });
});

describe('numberedName', () => {
  it('numbers before the extension', () => {
    expect(numberedName('shot.mov', 0)).toBe('shot.mov');
    expect(numberedName('shot.mov', 2)).toBe('shot (2).mov');
    expect(numberedName('README', 1)).toBe('README (1)');
  });
});
