import { create } from 'zustand';
import { localToday } from '../todo/todo-rows';

interface TimeLogDateState {
  /** null: today, whichever day today is. */
  date: string | null;
  setDate(date: string | null): void;
}

const useTimeLogDateStore = create<TimeLogDateState>((set) => ({
  date: null,
  setDate: (date) => set({ date }),
}));

/**
 * The day the time sheet and the task panel log time on, shared by both: today unless the
 * person picked another day. Dates are the person's local `YYYY-MM-DD`.
 */
export function useTimeLogDate(): { date: string; today: string; setDate(date: string): void } {
  const { date, setDate } = useTimeLogDateStore();
  const today = localToday();
  return {
    date: date ?? today,
    today,
    setDate: (next) => setDate(next === today ? null : next),
  };
}

/** Calendar arithmetic on `YYYY-MM-DD`, in UTC so that no time zone shifts the day. */
export function shiftDate(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** `Tue, 3 Mar 2026`, in the person's locale. */
export function longDate(date: string): string {
  return new Date(`${date}T00:00:00`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}
