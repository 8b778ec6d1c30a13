import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import type { Db } from '../db/database';
import type { ModelDef } from '../models/model-def';
import type { Access } from '../permissions/access';
import { accessOf } from '../permissions/request-access';
import { readQuery, type QueryParams } from './query-params';
import { ensureUnicodeLower } from './sql';

interface PendingEvent {
  name: string;
  data: Record<string, unknown>;
  projectId: string | null;
  persist: boolean;
}

/**
 * One CRUD request: the model, the caller's permissions and the events its writes raise.
 * Events wait for the transaction to commit, so listeners never hear of a rolled-back write.
 */
export class CrudCall {
  readonly db: Db;
  readonly query: QueryParams;
  private readonly pending: PendingEvent[] = [];

  constructor(
    readonly context: ServerContext,
    readonly request: FastifyRequest,
    readonly model: ModelDef,
  ) {
    this.db = context.db;
    this.query = readQuery(request);
    ensureUnicodeLower(this.db);
  }

  get access(): Access {
    return accessOf(this.db, this.request);
  }

  get personId(): string {
    return this.access.personId;
  }

  /** Zou's `events.emit`; `project_id` is added to the payload when given. */
  emit(
    name: string,
    data: Record<string, unknown>,
    projectId: string | null = null,
    options: { persist?: boolean } = {},
  ): void {
    this.pending.push({ name, data, projectId, persist: options.persist !== false });
  }

  /** Runs `work` in one transaction, then publishes the events it raised. */
  write<T>(work: () => T): T {
    let result: T;
    try {
      result = this.db.transaction(work)();
    } catch (error) {
      this.pending.length = 0;
      throw error;
    }
    this.flushEvents();
    return result;
  }

  private flushEvents(): void {
    const events = this.pending.splice(0);
    const userId = this.request.auth?.person.id ?? null;
    for (const event of events) {
      try {
        this.context.events.emit(
          { name: event.name, data: event.data, projectId: event.projectId, userId },
          { persist: event.persist },
        );
      } catch (error) {
        // The write is committed: a lost event must not turn its success into a 500.
        this.request.log.error({ err: error, event: event.name }, 'event not recorded');
      }
    }
  }

  /**
   * Keeps the events of a project off the record (still published live): a forced project
   * deletion removes the project's ApiEvents, including the ones its cascade just raised.
   */
  unrecordEventsOfProject(projectId: string): void {
    for (const event of this.pending) {
      if (event.projectId === projectId) event.persist = false;
    }
  }
}
