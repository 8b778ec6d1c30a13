import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locator } from '@playwright/test';

/**
 * Drops files from disk on an element as the OS would: dragenter, dragover and drop with a
 * DataTransfer holding them (their bytes copied into the page).
 */
export async function dropFiles(target: Locator, paths: string[]): Promise<void> {
  const files = paths.map((path) => ({
    name: basename(path),
    bytes: readFileSync(path).toString('base64'),
  }));
  await target.evaluate((element, dropped) => {
    // Runs in the page; e2e code is typed without the DOM library.
    const dom = globalThis as any;
    const transfer = new dom.DataTransfer();
    for (const file of dropped) {
      const binary = dom.atob(file.bytes) as string;
      const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
      transfer.items.add(new dom.File([bytes], file.name));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(
        new dom.DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }
  }, files);
}
