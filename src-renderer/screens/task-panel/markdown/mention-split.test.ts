import { describe, expect, it } from 'vitest';
import { splitMentions } from './mention-split';

const jordan = { id: 'j', fullName: 'Jordan Reyes' };
const ann = { id: 'a', fullName: 'Ann Lee' };
const annSmith = { id: 's', fullName: 'Ann Lee Smith' };

describe('splitMentions', () => {
  it('cuts the text at each mention of a mentioned person', () => {
    expect(splitMentions('Hi @Jordan Reyes, and again @Jordan Reyes', [jordan])).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', text: '@Jordan Reyes', personId: 'j' },
      { kind: 'text', text: ', and again ' },
      { kind: 'mention', text: '@Jordan Reyes', personId: 'j' },
    ]);
  });

  it('leaves names of people not mentioned, partial words and other cases alone', () => {
    expect(splitMentions('@Jordan Reyesson @jordan reyes @Tom Becker', [jordan])).toEqual([
      { kind: 'text', text: '@Jordan Reyesson @jordan reyes @Tom Becker' },
    ]);
    expect(splitMentions('no one here', [])).toEqual([{ kind: 'text', text: 'no one here' }]);
  });

  it('prefers the longest name, and treats names as text, not patterns', () => {
    expect(splitMentions('@Ann Lee Smith and @Ann Lee', [ann, annSmith])).toEqual([
      { kind: 'mention', text: '@Ann Lee Smith', personId: 's' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', text: '@Ann Lee', personId: 'a' },
    ]);
    const odd = { id: 'o', fullName: 'A.B (x)' };
    expect(splitMentions('@AxB (x) @A.B (x)', [odd])).toEqual([
      { kind: 'text', text: '@AxB (x) ' },
      { kind: 'mention', text: '@A.B (x)', personId: 'o' },
    ]);
  });
});
