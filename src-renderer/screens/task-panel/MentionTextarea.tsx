import { Badge, ColorSwatch, Group, Paper, Text, Textarea } from '@mantine/core';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { COMMENT_TEXT_MAX, type MentionCandidate } from '../../../src-shared/task-comment';
import { findMentionQuery, insertMention, matchMentions } from './mention-query';
import { submitOnCtrlEnter } from './submit-keys';

interface MentionTextareaProps {
  value: string;
  onChange(value: string): void;
  candidates: readonly MentionCandidate[];
  /** Ctrl+Enter (⌘+Enter on macOS). */
  onSubmit(): void;
  readOnly?: boolean;
}

/**
 * The comment's text. Typing `@` and letters offers the team and the departments; ↑/↓ move,
 * Enter or Tab insert `@Full Name `, exactly as the server reads mentions, Escape closes.
 */
export function MentionTextarea({
  value,
  onChange,
  candidates,
  onSubmit,
  readOnly = false,
}: MentionTextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(0);
  // The `@` whose suggestions the person closed with Escape.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const caretAfterRender = useRef<number | null>(null);

  const mention = findMentionQuery(value, caret);
  const matches =
    mention && mention.start !== dismissedAt ? matchMentions(candidates, mention.query) : [];
  const open = focused && !readOnly && matches.length > 0;
  const activeIndex = Math.min(active, matches.length - 1);

  useLayoutEffect(() => {
    const position = caretAfterRender.current;
    if (position === null || !ref.current) return;
    caretAfterRender.current = null;
    ref.current.setSelectionRange(position, position);
  });

  const moveCaret = (text: string, position: number) => {
    setCaret(position);
    setActive(0);
    if (findMentionQuery(text, position)?.start !== dismissedAt) setDismissedAt(null);
  };

  const pick = (candidate: MentionCandidate) => {
    if (!mention) return;
    const next = insertMention(value, mention, caret, candidate.name);
    caretAfterRender.current = next.caret;
    onChange(next.text);
    moveCaret(next.text, next.caret);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    if (open && plain) {
      const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (step !== undefined) {
        event.preventDefault();
        setActive((activeIndex + step + matches.length) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(matches[activeIndex]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(mention!.start);
        return;
      }
    }
    submitOnCtrlEnter(event, onSubmit);
  };

  return (
    <div style={{ position: 'relative' }}>
      <Textarea
        ref={ref}
        aria-label="Comment"
        placeholder="Write a comment: @ mentions someone, Ctrl+Enter posts"
        autosize
        minRows={3}
        maxRows={12}
        maxLength={COMMENT_TEXT_MAX}
        value={value}
        readOnly={readOnly}
        onChange={(event) => {
          const { value: text, selectionStart } = event.currentTarget;
          onChange(text);
          moveCaret(text, selectionStart);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
        // Mantine's drawer closes on Escape unless the key was meant for this list.
        data-mantine-stop-propagation={open ? 'true' : undefined}
        data-testid="comment-text"
      />
      {open && (
        <Paper
          withBorder
          shadow="md"
          radius="md"
          p={4}
          id={listId}
          role="listbox"
          aria-label="People and departments to mention"
          data-testid="mention-suggestions"
          style={{
            position: 'absolute',
            top: '100%',
            left: 0,
            right: 0,
            marginTop: 4,
            zIndex: 20,
            maxHeight: 280,
            overflowY: 'auto',
          }}
        >
          {matches.map((candidate, index) => (
            <Group
              key={candidate.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              data-testid="mention-option"
              justify="space-between"
              wrap="nowrap"
              px="xs"
              py={6}
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                cursor: 'pointer',
                background:
                  index === activeIndex ? 'var(--mantine-primary-color-light)' : undefined,
              }}
              // Keeps the focus in the text while the mouse picks.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(candidate)}
            >
              <Group gap="xs" wrap="nowrap">
                {candidate.kind === 'department' && (
                  <ColorSwatch color={candidate.color ?? '#999'} size={12} />
                )}
                <Text size="sm">{candidate.name}</Text>
              </Group>
              <Badge
                size="xs"
                variant="light"
                color={candidate.kind === 'person' ? 'blue' : 'gray'}
              >
                {candidate.kind === 'person' ? 'Person' : 'Department'}
              </Badge>
            </Group>
          ))}
          <Text size="xs" c="dimmed" px="xs" pt={4}>
            ↑ ↓ to choose · Enter or Tab to insert · Esc to close
          </Text>
        </Paper>
      )}
    </div>
  );
}
