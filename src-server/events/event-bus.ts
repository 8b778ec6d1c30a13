import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';

export interface KitsuEvent {
  name: string;
  data: Record<string, unknown>;
  projectId: string | null;
  userId: string | null;
}

export type EventListener = (event: KitsuEvent & { id: string | null; createdAt: string }) => void;

/**
 * Zou's `events.emit`: lowercases the name, adds `project_id` to the payload, persists an
 * ApiEvent row (unless told not to) and hands the event to live listeners (socket.io).
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly insert;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO api_event (id, created_at, updated_at, name, user_id, project_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  emit(event: KitsuEvent, options: { persist?: boolean } = {}): void {
    const name = event.name.toLowerCase();
    const data = event.projectId ? { ...event.data, project_id: event.projectId } : event.data;
    const createdAt = nowDateTime();
    let id: string | null = null;
    if (options.persist !== false) {
      id = newId();
      this.insert.run(
        id,
        createdAt,
        createdAt,
        name,
        event.userId,
        event.projectId,
        JSON.stringify(data),
      );
    }
    for (const listener of this.listeners) listener({ ...event, name, data, id, createdAt });
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
