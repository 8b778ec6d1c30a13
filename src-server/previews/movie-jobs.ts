import type { FastifyBaseLogger } from 'fastify';
import type { ServerContext } from '../context';
import { prepareCached } from '../crud/sql';
import { processMovie } from './movie-processing';
import { SerialJobQueue } from './serial-job-queue';
import { ToolFailure } from './tool-process';

export interface ToolSpawn {
  previewFileId: string;
  tool: 'ffmpeg' | 'ffprobe';
  pid: number;
}

export type ToolSpawnListener = (spawned: ToolSpawn) => void;

/**
 * The server's movie jobs: one queue per server, started with it (taking up the movies a
 * previous run left `processing`) and closed with it (killing a running ffmpeg).
 */
export class MovieJobs {
  private readonly queue: SerialJobQueue;
  private readonly spawnListeners = new Set<ToolSpawnListener>();

  constructor(
    private readonly context: ServerContext,
    log: FastifyBaseLogger,
  ) {
    const seconds = context.settings.movieJobTimeoutSeconds;
    this.queue = new SerialJobQueue({
      timeoutMs: seconds * 1000,
      timeoutReason: () =>
        new ToolFailure(`Movie processing took longer than ${seconds} s and was stopped.`),
      onUnexpectedError: (previewFileId, error) =>
        log.error({ err: error, previewFileId }, 'movie job failed unexpectedly'),
    });
  }

  /** Queues a movie; resolves once it is processed (or dropped by a closing server). */
  enqueue(previewFileId: string, options: { normalize: boolean } = { normalize: true }) {
    return this.queue.enqueue(previewFileId, (signal) =>
      processMovie(this.context, previewFileId, {
        normalize: options.normalize,
        signal,
        onToolSpawn: (tool, pid) => {
          for (const listener of this.spawnListeners) listener({ previewFileId, tool, pid });
        },
      }),
    );
  }

  /** Movies whose file arrived but whose processing never finished (the server stopped). */
  requeueInterrupted(): void {
    const ids = prepareCached(
      this.context.db,
      `SELECT id FROM preview_file
       WHERE status = 'processing' AND extension = 'mp4' AND COALESCE(original_name, '') != ''
       ORDER BY created_at`,
    )
      .pluck()
      .all() as string[];
    for (const id of ids) void this.enqueue(id);
  }

  /** Told of every ffmpeg/ffprobe process a job starts (status pages, tests). */
  onToolSpawn(listener: ToolSpawnListener): () => void {
    this.spawnListeners.add(listener);
    return () => this.spawnListeners.delete(listener);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

const jobsByServer = new WeakMap<ServerContext, MovieJobs>();

export function startMovieJobs(context: ServerContext, log: FastifyBaseLogger): MovieJobs {
  const jobs = new MovieJobs(context, log);
  jobsByServer.set(context, jobs);
  jobs.requeueInterrupted();
  return jobs;
}

/** The movie jobs of a server, once its preview routes are registered. */
export function movieJobsOf(context: ServerContext): MovieJobs | undefined {
  return jobsByServer.get(context);
}
