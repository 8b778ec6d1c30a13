import { DEFAULT_TODO_VIEW, type TodoView } from '../../../src-shared/settings';
import { useSaveSettings, useSettings } from '../../queries/hooks';

/** The persisted todo view (tab, filters, sort), saved in main's settings on each change. */
export function useTodoView(): [TodoView, (patch: Partial<TodoView>) => void] {
  const settings = useSettings();
  const save = useSaveSettings();
  const view = settings.data?.todoView ?? DEFAULT_TODO_VIEW;
  return [view, (patch) => save.mutate({ todoView: { ...view, ...patch } })];
}
