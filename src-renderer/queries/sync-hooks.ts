import { useQuery } from '@tanstack/react-query';
import { call } from '../ipc/api';
import { queryKeys } from './keys';

/** Connectivity, writes waiting to be sent, conflicts; `sync:changed` keeps it current. */
export const useSyncState = () =>
  useQuery({
    queryKey: queryKeys.syncState,
    queryFn: () => call('sync:state', {}),
    staleTime: Infinity,
  });
