// POST /api/pictures/preview-files/{id} with a 200 MB zip (a format stored as it is, so the
// time is the upload's alone) through the real server, against a floor measured in the same
// run: the same multipart bytes sent to a plain node:http server that writes the body to disk.
// Prints the throughput ratio (target >= 0.8x), for the endpoint and for main's own upload
// (the streamed multipart a publish sends). Exits non-zero on errors only, never on a
// slow ratio.
//
//   npx tsx bench/preview-upload.bench.ts [megabytes] [runs]
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { createServer, type KitsuServer } from '../src-server/app';
import {
  createPerson,
  accessTokenFor,
  listenOnFreePort,
} from '../src-server/test-support/test-server';
import { removePreviewFiles } from '../src-server/previews/preview-storage';
import { KitsuClient } from '../src-main/kitsu/kitsu-client';
import { multipartFileBody } from '../src-main/publish/multipart-file';

const TARGET_RATIO = 0.8;
const MEGABYTES = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 3);
const BOUNDARY = 'shotdeskbenchboundary';

interface Upload {
  url: string;
  headers: Record<string, string>;
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'shotdesk-bench-upload-'));
  let server: KitsuServer | null = null;
  let floor: FloorServer | null = null;
  try {
    const payload = join(workDir, 'payload.zip');
    await writeRandomFile(payload, MEGABYTES * 1024 * 1024);
    const bytes = statSync(payload).size;

    server = await createServer({
      dataDir: join(workDir, 'data'),
      settings: { bcryptRounds: 4, maxPreviewBytes: bytes * 2 },
    });
    const baseUrl = await listenOnFreePort(server);
    const production = await addProduction(server, baseUrl);
    floor = await startFloorServer(workDir);
    const floorUpload = { url: floor.url, headers: {} };

    const endpointTimes: number[] = [];
    const appTimes: number[] = [];
    const floorTimes: number[] = [];
    // Main's own upload, as a publish sends it: streamed multipart with progress.
    const appRun = async () => {
      const { upload, cleanUp, token } = await production.waitingPreview();
      const client = new KitsuClient({
        apiUrl: baseUrl,
        tokens: { accessToken: token, refreshToken: null },
      });
      const path = upload.url.slice(baseUrl.length);
      const ms = await time(async () => {
        await client.postStreamed(
          path,
          multipartFileBody('file', 'payload.zip', payload, bytes, () => {}),
        );
      });
      cleanUp();
      return ms;
    };
    const floorRun = async () => {
      const ms = await time(() => uploadOnce(floorUpload, payload));
      floor?.cleanUp();
      return ms;
    };
    const endpointRun = async () => {
      const { upload, cleanUp } = await production.waitingPreview();
      const ms = await time(() => uploadOnce(upload, payload));
      cleanUp();
      return ms;
    };
    // One warm-up each, then alternate so that disk caches and CPU bursts favour neither.
    await floorRun();
    await endpointRun();
    await appRun();
    for (let run = 0; run < RUNS; run += 1) {
      floorTimes.push(await floorRun());
      endpointTimes.push(await endpointRun());
      appTimes.push(await appRun());
    }
    const endpointMs = median(endpointTimes);
    const floorMs = median(floorTimes);
    const ratio = floorMs / endpointMs;
    const rate = (ms: number) => `${((bytes / 1024 / 1024) * (1000 / ms)).toFixed(0)} MB/s`;
    console.log(`POST /api/pictures/preview-files/{id}  (${MEGABYTES} MB zip, ${RUNS} runs)`);
    console.log(
      `  endpoint over HTTP       median ${endpointMs.toFixed(0)} ms  ${rate(endpointMs)}`,
    );
    console.log(`  floor (node:http → disk) median ${floorMs.toFixed(0)} ms  ${rate(floorMs)}`);
    console.log(
      `  throughput ratio ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO}x)` +
        (ratio >= TARGET_RATIO ? '  ok' : '  SLOWER THAN TARGET'),
    );
    const appMs = median(appTimes);
    const appRatio = floorMs / appMs;
    console.log(`  the app's publish upload median ${appMs.toFixed(0)} ms  ${rate(appMs)}`);
    console.log(
      `  app throughput ratio ${appRatio.toFixed(2)}x (target >= ${TARGET_RATIO}x)` +
        (appRatio >= TARGET_RATIO ? '  ok' : '  SLOWER THAN TARGET'),
    );
  } finally {
    await server?.close();
    await floor?.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** An admin's production with one task, and a fresh preview row for every upload. */
async function addProduction(server: KitsuServer, baseUrl: string) {
  const { db } = server.context;
  const manager = await createPerson(server.context, { role: 'admin' });
  const token = accessTokenFor(server.context, manager.id);
  const api = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id: string };
    if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(json)}`);
    return json;
  };
  const id = (sql: string) => String(db.prepare(sql).pluck().get());
  const project = await api('/data/projects', {
    name: 'Upload bench',
    project_status_id: id("SELECT id FROM project_status WHERE name = 'Open'"),
  });
  const asset = await api('/data/entities', {
    name: 'Prop',
    project_id: project.id,
    entity_type_id: id("SELECT id FROM entity_type WHERE name = 'Character'"),
  });
  const task = await api('/data/tasks', {
    name: 'main',
    project_id: project.id,
    entity_id: asset.id,
    task_type_id: id("SELECT id FROM task_type WHERE name = 'Modeling'"),
    task_status_id: id("SELECT id FROM task_status WHERE short_name = 'todo'"),
  });
  const wip = id("SELECT id FROM task_status WHERE short_name = 'wip'");
  return {
    async waitingPreview() {
      const comment = await api(`/actions/tasks/${task.id}/comment`, { task_status_id: wip });
      const preview = await api(`/actions/tasks/${task.id}/comments/${comment.id}/add-preview`, {});
      return {
        upload: {
          url: `${baseUrl}/pictures/preview-files/${preview.id}`,
          headers: { Authorization: `Bearer ${token}` },
        },
        token,
        cleanUp: () => removePreviewFiles(server.context.dataDir, preview.id, ['zip']),
      };
    },
  };
}

interface FloorServer {
  url: string;
  /** Removes what it wrote (outside the timed part, as for the endpoint's stored files). */
  cleanUp(): void;
  close(): Promise<void>;
}

/** The floor: a plain server that writes whatever body it gets to a new file. */
async function startFloorServer(folder: string): Promise<FloorServer> {
  let count = 0;
  const written: string[] = [];
  const server: Server = createHttpServer((req, res) => {
    count += 1;
    const target = join(folder, `floor-${count}.bin`);
    written.push(target);
    pipeline(req, createWriteStream(target)).then(
      () => res.writeHead(201).end('{}'),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The floor server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/upload`,
    cleanUp: () => {
      for (const path of written.splice(0)) rmSync(path, { force: true });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Streams the file as one multipart `file` part, as gazu does, and reads the answer. */
async function uploadOnce(upload: Upload, payload: string): Promise<void> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="payload.zip"\r\n` +
      'Content-Type: application/zip\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const length = head.length + statSync(payload).size + tail.length;
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(upload.url, {
      method: 'POST',
      headers: {
        ...upload.headers,
        'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
        'Content-Length': String(length),
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(payload);
    file.on('error', reject);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
  if (status !== 201) throw new Error(`${upload.url} answered ${status}`);
}

async function writeRandomFile(path: string, size: number): Promise<void> {
  const chunk = randomBytes(4 * 1024 * 1024);
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += chunk.length) {
    if (!out.write(chunk.subarray(0, Math.min(chunk.length, size - written)))) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

async function time(call: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
