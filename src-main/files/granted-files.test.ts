import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrantedFiles } from './granted-files';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-granted-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('granted files', () => {
  it('opens a granted file with its name and bytes', async () => {
    const path = join(dir, 'shot 010.txt');
    writeFileSync(path, 'hello');
    const files = new GrantedFiles();
    expect(files.grant(path)).toBe(true);
    const opened = await files.open(path, 100);
    expect(opened.name).toBe('shot 010.txt');
    expect(await opened.blob.text()).toBe('hello');
  });

  it('never opens what nobody granted, however the path is spelled', async () => {
    const granted = join(dir, 'granted.txt');
    const other = join(dir, 'other.txt');
    writeFileSync(granted, 'ok');
    writeFileSync(other, 'secret');
    const files = new GrantedFiles();
    files.grant(granted);
    for (const path of [other, join(dir, 'sub', '..', 'other.txt'), 'other.txt', '/etc/passwd']) {
      expect(files.isGranted(path)).toBe(false);
      await expect(files.open(path, 100)).rejects.toMatchObject({ code: 'forbidden' });
    }
    // The same file spelled another way is the same grant.
    expect(files.isGranted(join(dir, 'sub', '..', 'granted.txt'))).toBe(true);
  });

  it('refuses relative paths and NUL bytes as grants', () => {
    const files = new GrantedFiles();
    expect(files.grant('relative/file.txt')).toBe(false);
    expect(files.grant(`${dir}/a\0b`)).toBe(false);
    expect(files.isGranted('relative/file.txt')).toBe(false);
  });

  it('says why a granted path cannot be sent: too big, a folder, gone', async () => {
    const files = new GrantedFiles();
    const big = join(dir, 'big.mov');
    writeFileSync(big, '');
    truncateSync(big, 2048);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const gone = join(dir, 'gone.txt');
    for (const path of [big, folder, gone]) files.grant(path);

    await expect(files.open(big, 2047)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('“big.mov” (2 KB) is larger than'),
    });
    expect((await files.open(big, 2048)).blob.size).toBe(2048);
    await expect(files.open(folder, 2048)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('not a file'),
    });
    await expect(files.open(gone, 2048)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('no longer there'),
    });
  });
});
