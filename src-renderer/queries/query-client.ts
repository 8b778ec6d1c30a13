import { QueryClient } from '@tanstack/react-query';

/** Queries call main over IPC, never the network themselves: `networkMode: 'always'`. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'always',
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        // Main already retried reads with backoff.
        retry: false,
      },
      mutations: { networkMode: 'always' },
    },
  });
}
