import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

// `npm run icons`: the PNGs electron-builder packs (it makes .ico and .icns from icon.png)
// and the Linux icon set, all from icon.svg.
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const svg = here('./icon.svg');

await sharp(svg).resize(1024, 1024).png().toFile(here('./icon.png'));
mkdirSync(here('./icons'), { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  await sharp(svg)
    .resize(size, size)
    .png()
    .toFile(here(`./icons/${size}x${size}.png`));
}
