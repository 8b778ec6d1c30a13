import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { App } from './App';
import { createQueryClient } from './queries/query-client';
import { subscribeToPushEvents } from './queries/push-events';
import { theme } from './theme';
import { useOsColorScheme } from './use-os-color-scheme';

export function Root() {
  const [queryClient] = useState(createQueryClient);
  const colorScheme = useOsColorScheme();
  useEffect(() => subscribeToPushEvents(queryClient), [queryClient]);
  return (
    <MantineProvider theme={theme} forceColorScheme={colorScheme}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  );
}
