import { Box, Text } from '@mantine/core';
import { memo } from 'react';
import type { TodoTask } from '../../../src-shared/todo-task';
import { ColorChip } from '../../components/ColorChip';
import { PreviewImage } from '../../components/PreviewImage';
import { useFileDrop } from '../../components/use-file-drop';
import { useUiStore } from '../../state/ui-store';
import { ROW_HEIGHT, TODO_GRID } from './columns';
import { commentExcerpt, dueState, entityLabel, formatMinutes, type DueState } from './todo-rows';
import classes from './todo.module.css';

interface TodoRowProps {
  task: TodoTask;
  index: number;
  top: number;
  /** null: no due-date highlighting. */
  today: string | null;
  selected: boolean;
  onSelect(index: number): void;
  onOpen(index: number): void;
}

const DUE_COLORS: Record<Exclude<DueState, null>, string> = {
  overdue: 'red.5',
  'this-week': 'orange.4',
};

export const TodoRow = memo(function TodoRow(props: TodoRowProps) {
  const { task, index, top, today, selected } = props;
  const due = today ? dueState(task.dueDate, today) : null;
  const requestPublish = useUiStore((state) => state.requestPublish);
  const { dragging, handlers } = useFileDrop((files) => requestPublish({ taskId: task.id, files }));
  return (
    <div
      {...handlers}
      data-dragging={dragging || undefined}
      id={`task-row-${task.id}`}
      role="option"
      aria-selected={selected}
      data-testid="todo-row"
      data-task-id={task.id}
      className={classes.row}
      style={{
        top,
        height: ROW_HEIGHT,
        gridTemplateColumns: TODO_GRID,
        ...(dragging && { outline: '2px dashed var(--mantine-primary-color-filled)' }),
      }}
      onClick={() => props.onSelect(index)}
      onDoubleClick={() => props.onOpen(index)}
    >
      <Thumbnail task={task} />
      <Text size="sm" c="dimmed" truncate title={task.projectName}>
        {task.projectName}
      </Text>
      <Text size="sm" fw={600} truncate title={entityLabel(task)} data-testid="todo-entity">
        {entityLabel(task)}
      </Text>
      <Box miw={0}>
        <ColorChip color={task.taskTypeColor} label={task.taskTypeName} />
      </Box>
      <Box miw={0} data-testid="todo-status">
        <ColorChip
          color={task.taskStatusColor}
          label={task.taskStatusShortName}
          title={task.taskStatusName}
        />
      </Box>
      <Text
        size="sm"
        c={due ? DUE_COLORS[due] : undefined}
        fw={due ? 700 : undefined}
        data-due={due ?? undefined}
      >
        {task.dueDate ?? '–'}
      </Text>
      <Text size="sm" c="dimmed">
        {formatMinutes(task.estimation)} / {formatMinutes(task.duration)}
      </Text>
      <Text size="xs" c="dimmed" truncate title={task.lastComment?.text}>
        {task.lastComment ? commentExcerpt(task.lastComment.text) : ''}
      </Text>
    </div>
  );
});

function Thumbnail({ task }: { task: TodoTask }) {
  const asset = task.entityKind === 'Asset';
  return (
    <div className={classes.thumbnail} aria-hidden title={asset ? 'Asset' : task.entityKind}>
      <PreviewImage
        previewFileId={task.previewFileId}
        alt=""
        style={{ width: '100%', height: '100%', borderRadius: 4 }}
        testId="todo-thumbnail"
        fallback={<EntityIcon asset={asset} />}
      />
    </div>
  );
}

function EntityIcon({ asset }: { asset: boolean }) {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      {asset ? (
        <path d="M12 3 4 7.5v9L12 21l8-4.5v-9L12 3Zm0 0v18M4 7.5l8 4.5 8-4.5" />
      ) : (
        <path d="M4 6h16v12H4zM4 9h16M4 15h16M8 6v3M12 6v3M16 6v3M8 15v3M12 15v3M16 15v3" />
      )}
    </svg>
  );
}
