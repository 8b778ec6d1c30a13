import { useQuery } from '@tanstack/react-query';
import { call } from '../ipc/api';
import { queryKeys } from './keys';

/** Main's live connection to the server's events; `live:changed` keeps it current. */
export const useLiveState = () =>
  useQuery({
    queryKey: queryKeys.live,
    queryFn: () => call('live:state', {}),
    staleTime: Infinity,
  });
