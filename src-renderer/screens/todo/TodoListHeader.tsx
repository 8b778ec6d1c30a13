import { UnstyledButton } from '@mantine/core';
import type { TodoView } from '../../../src-shared/settings';
import { TODO_COLUMNS, TODO_GRID } from './columns';
import classes from './todo.module.css';

interface TodoListHeaderProps {
  sort: TodoView['sort'];
  onSort(sort: TodoView['sort']): void;
}

/** Column titles; a click sorts by the column, a second click reverses. */
export function TodoListHeader({ sort, onSort }: TodoListHeaderProps) {
  return (
    <div className={classes.header} style={{ gridTemplateColumns: TODO_GRID }} role="row">
      {TODO_COLUMNS.map((column) => {
        if (!column.sortable || column.id === 'thumbnail') {
          return <span key={column.id} role="columnheader" />;
        }
        const id = column.id;
        const active = sort.column === id;
        return (
          <span
            key={id}
            role="columnheader"
            aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <UnstyledButton
              fz="xs"
              fw={active ? 700 : 500}
              c={active ? 'bright' : 'dimmed'}
              onClick={() =>
                onSort({
                  column: id,
                  direction: active && sort.direction === 'asc' ? 'desc' : 'asc',
                })
              }
              data-testid={`sort-${id}`}
              style={{ textTransform: 'uppercase', letterSpacing: '0.04em' }}
            >
              {column.label}
              {active ? (sort.direction === 'asc' ? ' ↑' : ' ↓') : ''}
            </UnstyledButton>
          </span>
        );
      })}
    </div>
  );
}
