import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseMediaPath, type MediaKind } from '../../src-shared/media';
import { AppError, isAppError } from '../kitsu/app-error';
import { unreachable } from '../kitsu/http-failure';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { MediaCache } from './media-cache';
import { parseRange } from './media-range';
import { MEDIA_SOURCES } from './media-sources';

/** The logged-in person's way to Kitsu and their media folder (beside their cache file). */
export interface MediaOwner {
  client(): Promise<KitsuClient>;
  online(): boolean;
  mediaDir: string;
}

/** An HTTP answer, as the dev host writes it and Electron's protocol handler wraps it. */
export interface MediaAnswer {
  status: number;
  headers: Record<string, string>;
  body: Readable | null;
}

/** Answers media paths (`/<kind>/<id>`) with a Range header: what the protocols serve. */
export interface MediaSource {
  answer(path: string, range: string | null | undefined): Promise<MediaAnswer>;
}

interface CachedMedia {
  path: string;
  size: number;
}

const CACHE_CONTROL = 'private, max-age=604800';
const MISSING_RETRY_MS = 10 * 60_000;

/**
 * Preview media for the renderer: from the media cache, else downloaded from Kitsu into it
 * (one download per file however many ask), answered with HTTP Range so that players seek.
 * Offline, what is cached still plays; the rest answers 503 with what to do.
 */
export class MediaService implements MediaSource {
  private readonly caches = new Map<string, MediaCache>();
  private readonly downloads = new Map<string, Promise<CachedMedia>>();
  private readonly prefetchQueue: { kind: MediaKind; id: string }[] = [];
  private prefetching = false;
  /** Prefetches the server had nothing for, and when: not asked again for a while. */
  private readonly missing = new Map<string, number>();

  constructor(
    private readonly options: {
      owner: () => MediaOwner | null;
      maxBytes: () => Promise<number>;
    },
  ) {}

  /** Answers a media request: `path` is `/<kind>/<id>`, `range` the Range header if any. */
  async answer(path: string, range: string | null | undefined): Promise<MediaAnswer> {
    const target = parseMediaPath(path);
    if (!target) return textAnswer(400, 'Not a media address.');
    let media: CachedMedia;
    try {
      media = await this.open(target.kind, target.previewFileId);
    } catch (error) {
      return failureAnswer(error);
    }
    const type = MEDIA_SOURCES[target.kind].type;
    const common = {
      'Content-Type': type,
      'Accept-Ranges': 'bytes',
      'Cache-Control': CACHE_CONTROL,
    };
    const wanted = parseRange(range, media.size);
    if (wanted === 'unsatisfiable') {
      return {
        status: 416,
        headers: { ...common, 'Content-Range': `bytes */${media.size}` },
        body: null,
      };
    }
    if (wanted === null) {
      return {
        status: 200,
        headers: { ...common, 'Content-Length': String(media.size) },
        body: createReadStream(media.path),
      };
    }
    return {
      status: 206,
      headers: {
        ...common,
        'Content-Length': String(wanted.end - wanted.start + 1),
        'Content-Range': `bytes ${wanted.start}-${wanted.end}/${media.size}`,
      },
      body: createReadStream(media.path, { start: wanted.start, end: wanted.end }),
    };
  }

  /** The file of a preview's kind, cached first. */
  async open(kind: MediaKind, previewFileId: string): Promise<CachedMedia> {
    const owner = this.options.owner();
    if (!owner) throw new AppError('auth-expired', 'You are not logged in. Log in first.');
    const cache = await this.cacheOf(owner);
    const key = `${kind}-${previewFileId}`;
    const cached = cache.lookup(key);
    if (cached) return cached;
    let download = this.downloads.get(key);
    if (!download) {
      download = this.download(owner, cache, kind, previewFileId).finally(() =>
        this.downloads.delete(key),
      );
      this.downloads.set(key, download);
    }
    return download;
  }

  /** Fetches in the background, one file at a time, so that it plays later (offline too). */
  prefetch(kind: MediaKind, previewFileIds: readonly string[]): void {
    for (const id of previewFileIds) {
      if (!this.prefetchQueue.some((item) => item.kind === kind && item.id === id)) {
        this.prefetchQueue.push({ kind, id });
      }
    }
    void this.drainPrefetch();
  }

  /** The settings changed: every open cache takes the new cap. */
  async capChanged(): Promise<void> {
    const maxBytes = await this.options.maxBytes();
    for (const cache of this.caches.values()) cache.setMaxBytes(maxBytes);
  }

  private async drainPrefetch(): Promise<void> {
    if (this.prefetching) return;
    this.prefetching = true;
    try {
      for (let item = this.prefetchQueue.shift(); item; item = this.prefetchQueue.shift()) {
        const owner = this.options.owner();
        if (!owner?.online()) {
          this.prefetchQueue.length = 0;
          break;
        }
        const key = `${item.kind}-${item.id}`;
        if (Date.now() - (this.missing.get(key) ?? -Infinity) < MISSING_RETRY_MS) continue;
        // A preview still processing or gone: the player asks again when it is shown.
        await this.open(item.kind, item.id).catch((error: unknown) => {
          if (isAppError(error) && error.code === 'not-found') this.missing.set(key, Date.now());
        });
      }
    } finally {
      this.prefetching = false;
    }
  }

  private async cacheOf(owner: MediaOwner): Promise<MediaCache> {
    let cache = this.caches.get(owner.mediaDir);
    if (!cache) {
      cache = new MediaCache(owner.mediaDir, await this.options.maxBytes());
      this.caches.set(owner.mediaDir, cache);
    }
    return cache;
  }

  private async download(
    owner: MediaOwner,
    cache: MediaCache,
    kind: MediaKind,
    previewFileId: string,
  ): Promise<CachedMedia> {
    if (!owner.online()) {
      throw new AppError(
        'offline',
        'This preview was not saved on this computer before the server became unreachable. It plays once the server is back.',
      );
    }
    const client = await owner.client();
    const response = await client.download(MEDIA_SOURCES[kind].path(previewFileId));
    const temp = cache.tempPath();
    let size = 0;
    try {
      const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
      body.on('data', (chunk: Buffer) => (size += chunk.length));
      await pipeline(body, createWriteStream(temp));
    } catch (error) {
      await rm(temp, { force: true });
      throw isAppError(error) ? error : unreachable(client.apiUrl, error);
    }
    const path = await cache.add(`${kind}-${previewFileId}`, temp, size);
    return { path, size };
  }
}

function textAnswer(status: number, message: string): MediaAnswer {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: Readable.from([message]),
  };
}

function failureAnswer(error: unknown): MediaAnswer {
  if (!isAppError(error)) return textAnswer(500, 'Shotdesk could not read this preview.');
  const status =
    error.code === 'not-found'
      ? 404
      : error.code === 'forbidden'
        ? 403
        : error.code === 'offline'
          ? 503
          : error.code === 'auth-expired'
            ? 401
            : 502;
  return textAnswer(status, error.message);
}
