const GATEWAY_FAILURES = new Set([502, 503, 504]);

export interface RequestWatcher {
  /** The API every request of the session goes to; null when none is watched. */
  apiUrl(): string | null;
  reachable(): void;
  unreachable(): void;
}

/**
 * `fetch` that tells connectivity what each request to the session's server met: every call
 * the Kitsu client makes (any screen's) is evidence, not only the cache's own refreshes.
 * A caller's own abort says nothing about the network.
 */
export function watchedFetch(base: typeof fetch, watcher: RequestWatcher): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const apiUrl = watcher.apiUrl();
    const watched = apiUrl !== null && url.startsWith(apiUrl);
    try {
      const response = await base(input, init);
      if (watched) {
        if (GATEWAY_FAILURES.has(response.status)) watcher.unreachable();
        else watcher.reachable();
      }
      return response;
    } catch (error) {
      if (watched && !(error instanceof Error && error.name === 'AbortError')) {
        watcher.unreachable();
      }
      throw error;
    }
  };
}
