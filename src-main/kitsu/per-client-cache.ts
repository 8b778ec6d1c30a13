import type { KitsuClient } from './kitsu-client';

/**
 * Values cached per API client and key: a new login is a new client, so that a session never
 * sees what another loaded.
 */
export class PerClientCache<V> {
  private readonly values = new WeakMap<KitsuClient, Map<string, Promise<V>>>();

  /** The value cached or loading, without loading it (offline, nothing may wait on the network). */
  peek(client: KitsuClient, key: string): Promise<V> | undefined {
    return this.values.get(client)?.get(key);
  }

  /** The cached value, or `load()`'s; a failure is not kept, so that the next call retries. */
  get(client: KitsuClient, key: string, load: () => Promise<V>): Promise<V> {
    let byKey = this.values.get(client);
    if (!byKey) {
      byKey = new Map();
      this.values.set(client, byKey);
    }
    let value = byKey.get(key);
    if (!value) {
      const loading = load();
      value = loading;
      byKey.set(key, loading);
      loading.catch(() => {
        if (byKey.get(key) === loading) byKey.delete(key);
      });
    }
    return value;
  }
}
