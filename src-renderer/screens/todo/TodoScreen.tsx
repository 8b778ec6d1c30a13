import { AppShell, Badge, Group, Tabs, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { LoggedInState } from '../../../src-shared/session';
import type { TodoTab } from '../../../src-shared/settings';
import { useTaskList } from '../../queries/hooks';
import { useUiStore } from '../../state/ui-store';
import { PublishDialog } from '../publish/PublishDialog';
import { TaskPanel } from '../task-panel/TaskPanel';
import { TimeSheet } from '../time-log/TimeSheet';
import { TodoFilters } from './TodoFilters';
import { TodoHeader } from './TodoHeader';
import { TodoList } from './TodoList';
import { TodoListHeader } from './TodoListHeader';
import { TodoEmpty, TodoError, TodoSkeleton } from './TodoStates';
import { filterOptions, filterTasks, sortTasks, type FilterOption } from './todo-rows';
import { useTodoView } from './use-todo-view';

export function TodoScreen({ session }: { session: LoggedInState }) {
  const [view, setView] = useTodoView();
  const todo = useTaskList('todo');
  const done = useTaskList('done');
  const canCheck = REVIEWER_ROLES.has(session.user.role);
  const toCheck = useTaskList('to-check', canCheck);
  // A To-check tab saved by a reviewer means nothing to someone who reviews nothing.
  const tab = view.tab === 'to-check' && !canCheck ? 'todo' : view.tab;
  const current = tab === 'done' ? done : tab === 'to-check' ? toCheck : todo;
  const { search, setSearch, selectedTaskId, selectTask, openTaskId, openTask } = useUiStore();
  const { publishRequest, requestPublish } = useUiStore();

  const options = useMemo(() => filterOptions(current.data ?? []), [current.data]);
  // Ids saved for tasks that have since gone would hide everything: only those still present.
  const projectIds = useMemo(
    () => present(view.projectIds, options.projects),
    [view.projectIds, options],
  );
  const taskTypeIds = useMemo(
    () => present(view.taskTypeIds, options.taskTypes),
    [view.taskTypeIds, options],
  );
  const statusIds = useMemo(
    () => present(view.statusIds, options.statuses),
    [view.statusIds, options],
  );
  const rows = useMemo(
    () =>
      sortTasks(
        filterTasks(current.data ?? [], { projectIds, taskTypeIds, statusIds, search }),
        view.sort,
      ),
    [current.data, projectIds, taskTypeIds, statusIds, search, view.sort],
  );
  const filtered = rows.length !== (current.data?.length ?? 0);
  // From every list, unfiltered: a status change must not close the open panel.
  const allTasks = [...(todo.data ?? []), ...(done.data ?? []), ...(toCheck.data ?? [])];
  const openedTask = allTasks.find((task) => task.id === openTaskId) ?? null;
  const publishTask = allTasks.find((task) => task.id === publishRequest?.taskId) ?? null;
  const clearFilters = () => {
    setSearch('');
    setView({ projectIds: [], taskTypeIds: [], statusIds: [] });
  };

  return (
    <AppShell header={{ height: 52 }} padding={0}>
      <AppShell.Header>
        <TodoHeader session={session} />
      </AppShell.Header>
      <AppShell.Main
        style={{ height: '100dvh', display: 'flex', flexDirection: 'column' }}
        data-testid="todo-screen"
      >
        <Group justify="space-between" px="md" py="xs" wrap="nowrap">
          <Tabs
            value={tab}
            onChange={(next) => next && setView({ tab: next as TodoTab })}
            style={{ flex: 'none' }}
            styles={{ list: { flexWrap: 'nowrap' } }}
          >
            <Tabs.List>
              <Tabs.Tab
                value="todo"
                data-testid="tab-todo"
                rightSection={<Count value={todo.data?.length} />}
              >
                Todo
              </Tabs.Tab>
              <Tabs.Tab
                value="done"
                data-testid="tab-done"
                rightSection={<Count value={done.data?.length} />}
              >
                Done
              </Tabs.Tab>
              {canCheck && (
                <Tabs.Tab
                  value="to-check"
                  data-testid="tab-to-check"
                  rightSection={<Count value={toCheck.data?.length} />}
                >
                  To check
                </Tabs.Tab>
              )}
              <Tabs.Tab value="time" data-testid="tab-time">
                Time sheet
              </Tabs.Tab>
            </Tabs.List>
          </Tabs>
          <TodoFilters
            view={{ ...view, projectIds, taskTypeIds, statusIds }}
            onViewChange={setView}
            search={search}
            onSearchChange={setSearch}
            options={options}
          />
        </Group>
        {current.data && (
          <Text size="xs" c="dimmed" px="md" pb={4} data-testid="todo-count">
            {filtered
              ? `${rows.length} of ${current.data.length} tasks`
              : `${rows.length} ${rows.length === 1 ? 'task' : 'tasks'}`}
          </Text>
        )}
        {tab === 'time' ? (
          <TimeSheet
            openTasks={rows}
            knownTasks={allTasks}
            loading={todo.isPending}
            onOpenTask={openTask}
          />
        ) : (
          <TodoListHeader sort={view.sort} onSort={(sort) => setView({ sort })} />
        )}
        {tab === 'time' ? null : current.isPending ? (
          <TodoSkeleton />
        ) : current.isError ? (
          <TodoError error={current.error} onRetry={() => void current.refetch()} />
        ) : rows.length === 0 ? (
          <TodoEmpty tab={tab} filtered={filtered} onClear={clearFilters} />
        ) : (
          <TodoList
            tasks={rows}
            highlightDue={tab === 'todo'}
            selectedId={selectedTaskId}
            onSelect={selectTask}
            onOpen={openTask}
          />
        )}
      </AppShell.Main>
      <TaskPanel task={openedTask} onClose={() => openTask(null)} />
      {publishRequest && publishTask && (
        <PublishDialog
          key={`${publishRequest.taskId}/${publishRequest.files.length}/${publishRequest.refs?.join()}`}
          task={publishTask}
          initialFiles={publishRequest.files}
          initialRefs={publishRequest.refs ?? []}
          onClose={() => requestPublish(null)}
        />
      )}
    </AppShell>
  );
}

/** Kitsu answers tasks to check to these roles only (`user_service.get_tasks_to_check`). */
const REVIEWER_ROLES = new Set(['supervisor', 'manager', 'admin']);

function present(ids: string[], options: FilterOption[]): string[] {
  return ids.filter((id) => options.some((option) => option.value === id));
}

function Count({ value }: { value: number | undefined }) {
  if (value === undefined) return null;
  return (
    <Badge size="sm" variant="light" radius="sm">
      {value}
    </Badge>
  );
}
