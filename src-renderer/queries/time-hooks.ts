import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TimeLogDay } from '../../src-shared/time-log';
import { call } from '../ipc/api';
import { queryKeys } from './keys';

export const useTimeDay = (date: string) =>
  useQuery({
    queryKey: queryKeys.timeDay(date),
    queryFn: () => call('time:get-day', { date }),
  });

/** Every time write answers the fresh day: the cache takes it as is. */
function useDayWrite<Input>(write: (input: Input) => Promise<TimeLogDay>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (day) => client.setQueryData(queryKeys.timeDay(day.date), day),
  });
}

/** Sets the person's time on a task for a day; 0 removes it. */
export const useSetTime = () =>
  useDayWrite((input: { taskId: string; date: string; minutes: number }) =>
    call('time:set', input),
  );

export const useSetDayOff = () =>
  useDayWrite((input: { date: string; description?: string }) => call('time:set-day-off', input));

export const useClearDayOff = () =>
  useDayWrite((input: { date: string }) => call('time:clear-day-off', input));
