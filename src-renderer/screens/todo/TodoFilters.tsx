import { Button, Group, MultiSelect, TextInput } from '@mantine/core';
import type { TodoView } from '../../../src-shared/settings';
import type { FilterOption } from './todo-rows';

interface TodoFiltersProps {
  view: TodoView;
  onViewChange(patch: Partial<TodoView>): void;
  search: string;
  onSearchChange(search: string): void;
  options: { projects: FilterOption[]; taskTypes: FilterOption[]; statuses: FilterOption[] };
}

export function TodoFilters({
  view,
  onViewChange,
  search,
  onSearchChange,
  options,
}: TodoFiltersProps) {
  const filtered =
    search !== '' ||
    view.projectIds.length > 0 ||
    view.taskTypeIds.length > 0 ||
    view.statusIds.length > 0;
  const multi = (label: string, data: FilterOption[], value: string[], key: keyof TodoView) => (
    <MultiSelect
      aria-label={label}
      placeholder={value.length === 0 ? label : undefined}
      data={data}
      value={value.filter((id) => data.some((option) => option.value === id))}
      onChange={(ids) => onViewChange({ [key]: ids })}
      searchable
      clearable
      size="xs"
      // Narrower, not wrapped, when the tabs beside them need the room.
      style={{ flex: '0 1 200px', minWidth: 110 }}
      data-testid={`filter-${key}`}
      comboboxProps={{ withinPortal: true }}
      // One line whatever is picked, so that the bar never grows.
      styles={{
        pillsList: { flexWrap: 'nowrap', overflow: 'hidden' },
        inputField: { minWidth: 24 },
      }}
    />
  );
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end" style={{ flex: 1, minWidth: 0 }}>
      <TextInput
        placeholder="Search tasks"
        aria-label="Search tasks"
        value={search}
        onChange={(event) => onSearchChange(event.currentTarget.value)}
        size="xs"
        style={{ flex: '0 1 220px', minWidth: 120 }}
        data-testid="todo-search"
      />
      {multi('Project', options.projects, view.projectIds, 'projectIds')}
      {multi('Task type', options.taskTypes, view.taskTypeIds, 'taskTypeIds')}
      {multi('Status', options.statuses, view.statusIds, 'statusIds')}
      {filtered && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            onSearchChange('');
            onViewChange({ projectIds: [], taskTypeIds: [], statusIds: [] });
          }}
        >
          Clear
        </Button>
      )}
    </Group>
  );
}
