import { Checkbox, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import {
  CHECKLIST_ITEM_TEXT_MAX,
  CHECKLIST_ITEMS_MAX,
  type CommentChecklistItem,
} from '../../../src-shared/task-comment';
import { isSubmitKey } from './submit-keys';

export interface DraftChecklistItem extends CommentChecklistItem {
  key: number;
}

/** The checklist being written: items to add, edit, tick and remove. */
export function useChecklistDraft() {
  const [items, setItems] = useState<DraftChecklistItem[]>([]);
  // The item to focus when it appears (a new one).
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const nextKey = useRef(1);

  const add = (afterIndex = items.length - 1) => {
    if (items.length >= CHECKLIST_ITEMS_MAX) return;
    const key = nextKey.current++;
    setItems((current) => [
      ...current.slice(0, afterIndex + 1),
      { key, text: '', checked: false },
      ...current.slice(afterIndex + 1),
    ]);
    setFocusKey(key);
  };
  const update = (key: number, change: Partial<CommentChecklistItem>) =>
    setItems((current) =>
      current.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );
  const remove = (key: number) => setItems((current) => current.filter((item) => item.key !== key));

  return {
    items,
    focusKey,
    add,
    update,
    remove,
    clear: () => setItems([]),
    full: items.length >= CHECKLIST_ITEMS_MAX,
    /** What goes with the comment: the items that say something. */
    toSend: (): CommentChecklistItem[] =>
      items
        .filter((item) => item.text.trim() !== '')
        .map((item) => ({ text: item.text.trim(), checked: item.checked })),
  };
}

export type ChecklistDraft = ReturnType<typeof useChecklistDraft>;

/** The checklist's items: Enter adds one below, Backspace in an empty one removes it. */
export function ChecklistEditor({ draft, disabled }: { draft: ChecklistDraft; disabled: boolean }) {
  return (
    <Stack gap={4} data-testid="checklist-editor">
      <Text size="xs" fw={600} c="dimmed">
        Checklist
      </Text>
      {draft.items.map((item, index) => (
        <Group key={item.key} gap="xs" wrap="nowrap" data-testid="checklist-item">
          <Checkbox
            checked={item.checked}
            disabled={disabled}
            onChange={(event) => draft.update(item.key, { checked: event.currentTarget.checked })}
            aria-label={`Done: ${item.text || 'new item'}`}
            data-testid="checklist-item-checked"
          />
          <TextInput
            flex={1}
            size="xs"
            value={item.text}
            readOnly={disabled}
            placeholder="What to check"
            maxLength={CHECKLIST_ITEM_TEXT_MAX}
            autoFocus={item.key === draft.focusKey}
            aria-label={`Checklist item ${index + 1}`}
            onChange={(event) => draft.update(item.key, { text: event.currentTarget.value })}
            onKeyDown={(event) => {
              if (disabled) return;
              if (event.key === 'Enter' && !isSubmitKey(event)) {
                event.preventDefault();
                draft.add(index);
              } else if (event.key === 'Backspace' && item.text === '') {
                event.preventDefault();
                draft.remove(item.key);
              }
            }}
            data-testid="checklist-item-text"
          />
          <CloseButton
            size="sm"
            disabled={disabled}
            aria-label={`Remove checklist item ${index + 1}`}
            onClick={() => draft.remove(item.key)}
          />
        </Group>
      ))}
    </Stack>
  );
}
