import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { TodoTask } from '../../src-shared/todo-task';
import { TodoList } from '../../src-renderer/screens/todo/TodoList';
import { theme } from '../../src-renderer/theme';

const MAX_FRAMES = 600;

export interface ListStage {
  /** Mounts the list with `tasks` and resolves once its first rows have been painted. */
  show(tasks: readonly TodoTask[]): Promise<number>;
  clear(): Promise<void>;
}

/** The app's providers stay mounted, as in the app; only the list comes and goes. */
export function createListStage(container: HTMLElement): ListStage {
  const root = createRoot(container);
  // Rows read the app's info (where thumbnails are served) through the query cache, as in the app.
  const queries = new QueryClient();
  const render = (tasks: readonly TodoTask[] | null) =>
    flushSync(() => root.render(<Stage tasks={tasks} queries={queries} />));
  render(null);
  return {
    async show(tasks) {
      render(tasks);
      return rowsPainted(tasks[0]?.id ?? null);
    },
    async clear() {
      render(null);
      await nextFrame();
      await nextFrame();
    },
  };
}

function Stage({ tasks, queries }: { tasks: readonly TodoTask[] | null; queries: QueryClient }) {
  return (
    <QueryClientProvider client={queries}>
      <MantineProvider theme={theme} forceColorScheme="dark">
        {/* The todo screen's main area: the list takes the height left, and scrolls. */}
        <div style={{ height: '100dvh', display: 'flex', flexDirection: 'column' }}>
          {tasks && (
            <TodoList
              tasks={tasks}
              highlightDue
              selectedId={null}
              onSelect={ignore}
              onOpen={ignore}
            />
          )}
        </div>
      </MantineProvider>
    </QueryClientProvider>
  );
}

function ignore(): void {}

/**
 * Waits, frame by frame, until the list's first row is in the DOM, then one frame more: a
 * requestAnimationFrame callback runs only once the frame before it was produced. Answers the
 * number of rows in the DOM.
 */
async function rowsPainted(firstTaskId: string | null): Promise<number> {
  for (let frame = 0; frame < MAX_FRAMES; frame += 1) {
    await nextFrame();
    const first = document.querySelector('[data-testid="todo-row"]');
    if (!first) continue;
    if (first.getAttribute('data-task-id') !== firstTaskId) {
      throw new Error(`The first row shows task ${first.getAttribute('data-task-id')}`);
    }
    await nextFrame();
    return document.querySelectorAll('[data-testid="todo-row"]').length;
  }
  throw new Error(`No row in the DOM after ${MAX_FRAMES} frames`);
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
