import { rmSync, statSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import type { ServerContext } from '../context';
import { newId } from '../db/ids';
import { discardStagedPicture, stagePictureVariants } from '../previews/picture-variants';
import { previewStagingPath, storePreviewFile } from '../previews/preview-storage';

/** How many of the demo's requests for feedback get a picture: enough to browse, quick to make. */
const DEMO_PREVIEWS_MAX = 16;
const WIDTH = 960;
const HEIGHT = 540;

interface FeedbackRequest {
  comment_id: string;
  task_id: string;
  entity_id: string;
  person_id: string;
  created_at: string;
  entity_name: string;
  task_type_name: string;
  task_type_color: string | null;
}

/**
 * The demo production's requests for feedback carry a picture, as published work does: a
 * frame drawn for each (the shot, the task type, the version), stored as an upload would be,
 * the task's last preview and its entity's thumbnail. A newcomer meets the player and the
 * thumbnails at once. Answers how many were made, and why one could not be.
 */
export async function seedDemoPreviews(
  context: ServerContext,
  projectId: string,
): Promise<{ made: number; failure: string | null }> {
  const { db, dataDir } = context;
  const requests = db
    .prepare(
      `SELECT c.id AS comment_id, t.id AS task_id, t.entity_id, c.person_id, c.created_at,
              e.name AS entity_name, tt.name AS task_type_name, tt.color AS task_type_color
       FROM comment c
       JOIN task t ON t.id = c.object_id
       JOIN task_status s ON s.id = c.task_status_id
       JOIN entity e ON e.id = t.entity_id
       JOIN task_type tt ON tt.id = t.task_type_id
       WHERE t.project_id = ? AND s.is_feedback_request = 1
       ORDER BY c.created_at DESC
       LIMIT ?`,
    )
    .all(projectId, DEMO_PREVIEWS_MAX) as FeedbackRequest[];
  // The latest requests (the work under way), numbered in the order they were made.
  requests.reverse();
  const revisions = new Map<string, number>();
  let made = 0;
  let failure: string | null = null;
  for (const request of requests) {
    const revision = (revisions.get(request.task_id) ?? 0) + 1;
    try {
      await addDemoPicture(context, dataDir, request, revision);
      revisions.set(request.task_id, revision);
      made += 1;
    } catch (error) {
      // Pictures only dress the demo up: a machine that cannot draw one still gets the demo.
      failure ??= error instanceof Error ? error.message : String(error);
    }
  }
  return { made, failure };
}

async function addDemoPicture(
  context: ServerContext,
  dataDir: string,
  request: FeedbackRequest,
  revision: number,
): Promise<void> {
  const source = previewStagingPath(dataDir, 'png');
  writeFileSync(
    source,
    await sharp(Buffer.from(frameSvg(request, revision)))
      .png()
      .toBuffer(),
  );
  const picture = await stagePictureVariants(dataDir, source).finally(() =>
    rmSync(source, { force: true }),
  );
  const id = newId();
  try {
    const original = picture.files.find((file) => file.variant === 'original');
    const fileSize = original ? statSync(original.path).size : 0;
    for (const file of picture.files) {
      storePreviewFile(dataDir, file.variant, id, 'png', file.path);
    }
    const { db } = context;
    const version = String(revision).padStart(3, '0');
    const name = `${request.entity_name}_${request.task_type_name}_v${version}`
      .toLowerCase()
      .replace(/\s+/g, '_');
    db.transaction(() => {
      db.prepare(
        `INSERT INTO preview_file (id, created_at, updated_at, name, original_name, revision,
           position, extension, source, file_size, status, width, height, task_id, person_id)
         VALUES (?, ?, ?, ?, ?, ?, 1, 'png', 'webgui', ?, 'ready', ?, ?, ?, ?)`,
      ).run(
        id,
        request.created_at,
        request.created_at,
        id.slice(0, 13),
        `${name}.png`,
        revision,
        fileSize,
        picture.width,
        picture.height,
        request.task_id,
        request.person_id,
      );
      db.prepare('INSERT INTO comment_preview_link (comment, preview_file) VALUES (?, ?)').run(
        request.comment_id,
        id,
      );
      db.prepare('UPDATE news SET preview_file_id = ? WHERE comment_id = ?').run(
        id,
        request.comment_id,
      );
      db.prepare('UPDATE task SET last_preview_file_id = ? WHERE id = ?').run(id, request.task_id);
      db.prepare('UPDATE entity SET preview_file_id = ? WHERE id = ?').run(id, request.entity_id);
    })();
  } finally {
    discardStagedPicture(picture);
  }
}

/**
 * A simple layout frame: sky and ground, a sun that moves with the version, the shot named at
 * the bottom and the version at the top (the player's zoom controls sit bottom right).
 */
function frameSvg(request: FeedbackRequest, revision: number): string {
  const accent = /^#[0-9a-f]{6}$/i.test(request.task_type_color ?? '')
    ? request.task_type_color!
    : '#5c7cfa';
  const seed = [...request.entity_name].reduce((sum, char) => sum + char.charCodeAt(0), 0);
  const sunX = 160 + ((seed * 37 + revision * 90) % 640);
  const label = escapeXml(`${request.entity_name} · ${request.task_type_name}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1b2a49"/><stop offset="1" stop-color="#4a6fa5"/>
    </linearGradient>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
  <circle cx="${sunX}" cy="170" r="56" fill="#ffd27a"/>
  <path d="M0 400 Q 240 340 480 390 T 960 370 V 540 H 0 Z" fill="${accent}" opacity="0.85"/>
  <rect x="0" y="470" width="${WIDTH}" height="70" fill="#101418" opacity="0.55"/>
  <text x="32" y="514" font-family="sans-serif" font-size="30" fill="#ffffff">${label}</text>
  <text x="928" y="60" font-family="sans-serif" font-size="30" fill="#ffffff"
        text-anchor="end">v${String(revision).padStart(3, '0')}</text>
</svg>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
