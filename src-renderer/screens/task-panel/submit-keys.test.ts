import { describe, expect, it } from 'vitest';
import { submitOnCtrlEnter } from './submit-keys';

function press(key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean } = {}) {
  const event = {
    key,
    ctrlKey: modifiers.ctrlKey ?? false,
    metaKey: modifiers.metaKey ?? false,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  let sent = 0;
  const handled = submitOnCtrlEnter(event, () => (sent += 1));
  return { handled, sent, prevented: event.prevented };
}

describe('submitOnCtrlEnter', () => {
  it('sends on Ctrl+Enter and Cmd+Enter, instead of adding a line', () => {
    expect(press('Enter', { ctrlKey: true })).toEqual({ handled: true, sent: 1, prevented: true });
    expect(press('Enter', { metaKey: true })).toEqual({ handled: true, sent: 1, prevented: true });
  });

  it('leaves plain Enter and other keys to the text box', () => {
    expect(press('Enter')).toEqual({ handled: false, sent: 0, prevented: false });
    expect(press('a', { ctrlKey: true })).toEqual({ handled: false, sent: 0, prevented: false });
  });
});
