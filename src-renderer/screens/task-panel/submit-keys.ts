/** The keys of an event that tell Ctrl+Enter from Enter. */
type KeyEvent = { key: string; ctrlKey: boolean; metaKey: boolean; preventDefault(): void };

/** Ctrl+Enter, or Cmd+Enter on a Mac: the keys that send a comment or a reply. */
export function isSubmitKey(event: KeyEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** Sends on Ctrl/Cmd+Enter instead of adding a line; says whether it did. */
export function submitOnCtrlEnter(event: KeyEvent, submit: () => void): boolean {
  if (!isSubmitKey(event)) return false;
  event.preventDefault();
  submit();
  return true;
}
