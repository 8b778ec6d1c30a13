import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { TodoTask } from '../../../src-shared/todo-task';
import { ROW_HEIGHT } from './columns';
import { TodoRow } from './TodoRow';
import { localToday } from './todo-rows';
import classes from './todo.module.css';

interface TodoListProps {
  tasks: readonly TodoTask[];
  /** Overdue and due-soon only mean something for tasks still to do. */
  highlightDue: boolean;
  selectedId: string | null;
  onSelect(id: string | null): void;
  onOpen(id: string): void;
}

/** Only the rows in view are in the DOM, so that thousands of tasks scroll smoothly. */
export function TodoList({ tasks, highlightDue, selectedId, onSelect, onOpen }: TodoListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const selectedIndex = selectedId ? tasks.findIndex((task) => task.id === selectedId) : -1;
  const today = highlightDue ? localToday() : null;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const select = useCallback(
    (index: number) => onSelect(tasks[index]?.id ?? null),
    [tasks, onSelect],
  );
  const open = useCallback(
    (index: number) => {
      const task = tasks[index];
      if (task) onOpen(task.id);
    },
    [tasks, onOpen],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (tasks.length === 0) return;
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: selectedIndex - 1,
      Home: 0,
      End: tasks.length - 1,
      PageDown: selectedIndex + 10,
      PageUp: selectedIndex - 10,
    };
    if (event.key in moves) {
      event.preventDefault();
      const target = selectedIndex < 0 ? 0 : moves[event.key]!;
      select(Math.max(0, Math.min(tasks.length - 1, target)));
    } else if (event.key === 'Enter' && selectedIndex >= 0) {
      event.preventDefault();
      open(selectedIndex);
    }
  };

  return (
    <div
      ref={scrollRef}
      className={classes.list}
      role="listbox"
      aria-label="Tasks"
      tabIndex={0}
      aria-activedescendant={selectedId ? `task-row-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="todo-list"
      data-count={tasks.length}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const task = tasks[item.index]!;
          return (
            <TodoRow
              key={task.id}
              task={task}
              index={item.index}
              top={item.start}
              today={today}
              selected={task.id === selectedId}
              onSelect={select}
              onOpen={open}
            />
          );
        })}
      </div>
    </div>
  );
}
