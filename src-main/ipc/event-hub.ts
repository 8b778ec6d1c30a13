import type { EventName, EventPayload } from '../../src-shared/ipc';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Main's push events, fanned out to whichever transports are attached (Electron, dev host). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
