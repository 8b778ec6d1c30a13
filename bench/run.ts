// Runs every bench/*.bench.ts in turn, each in its own process so that none warms another's
// caches. Exits non-zero when one of them failed.
//
//   npx tsx bench/run.ts
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();

const failed: string[] = [];
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed.push(file);
}

if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
} else {
  console.log(`\n${files.length} benchmark(s) ran.`);
}
