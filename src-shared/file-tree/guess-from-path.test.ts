import { describe, expect, it } from 'vitest';
import { MalformedFileTreeError } from './errors';
import { simpleTree } from './file-tree-test-kit';
import {
  guessFromPath,
  PathDoesNotFit,
  tokenValuesOfPath,
  type RecordLookup,
} from './guess-from-path';

// The engine's half of guess-from-path: the tree and the path. Records come from a lookup
// the caller gives; here a small table of names, case-insensitive as Zou's ILIKE.

const RECORDS: Record<string, Record<string, string>> = {
  Project: { 'cosmos landromat': 'project-1', 'other show': 'project-2' },
  AssetType: { props: 'props-id' },
  Asset: { tree: 'tree-id' },
  TaskType: { shaders: 'shaders-id', animation: 'animation-id' },
  Sequence: { s01: 's01-id' },
  Shot: { p01: 'p01-id' },
};

const asked: [string, string, Record<string, string>][] = [];

const lookup: RecordLookup = (token, value, found) => {
  asked.push([token, value, { ...found }]);
  return RECORDS[token]?.[value.toLowerCase()] ?? null;
};

function guessesByTemplate(path: string, projectId = 'project-1') {
  const guesses = guessFromPath(simpleTree(), projectId, path, '/', lookup);
  return Object.fromEntries(guesses.map((guess) => [guess.Template, guess]));
}

describe('tokenValuesOfPath', () => {
  it('reads each token at its level, without its prefix and suffix, "_" as a space', () => {
    expect(
      Object.fromEntries(
        tokenValuesOfPath(
          ['cosmos_landromat', 'shots', 'v003'],
          ['<Project>', 'shots', 'v<Version>'],
        ),
      ),
    ).toEqual({ Project: 'cosmos landromat', Version: '003' });
  });

  it('refuses a literal level that differs', () => {
    expect(() => tokenValuesOfPath(['cosmos', 'assets'], ['<Project>', 'shots'])).toThrow(
      PathDoesNotFit,
    );
  });

  it('keeps the first value of a token met twice', () => {
    expect(
      Object.fromEntries(
        tokenValuesOfPath(['s01', 'p01', 's02'], ['<Sequence>', '<Shot>', '<Sequence>']),
      ),
    ).toEqual({ Sequence: 's01', Shot: 'p01' });
  });
});

describe('guessFromPath', () => {
  it('resolves an asset path down to its task type, each level narrowed by the ones above', () => {
    asked.length = 0;
    const guesses = guessesByTemplate(
      '/simple/productions/cosmos_landromat/assets/props/tree/shaders/blender',
    );
    expect(guesses.asset).toEqual({
      Template: 'asset',
      Project: 'project-1',
      AssetType: 'props-id',
      Asset: 'tree-id',
      TaskType: 'shaders-id',
    });
    expect(asked).toContainEqual([
      'Asset',
      'tree',
      { Template: 'asset', Project: 'project-1', AssetType: 'props-id' },
    ]);
  });

  it('reads the path in the style of the mode, whatever case the disk kept', () => {
    const guesses = guessesByTemplate(
      '/SIMPLE/PRODUCTIONS/COSMOS LANDROMAT/SHOTS/S01/P01/ANIMATION/MAX',
    );
    expect(guesses.shot).toEqual({
      Template: 'shot',
      Project: 'project-1',
      Sequence: 's01-id',
      Shot: 'p01-id',
      TaskType: 'animation-id',
    });
  });

  it('stops a template at the first level that resolves to nothing', () => {
    const guesses = guessesByTemplate('/simple/productions/cosmos_landromat/shots/nowhere/p01');
    expect(guesses.shot).toEqual({ Template: 'shot', Project: 'project-1' });
  });

  it('resolves nothing past the production level for another production', () => {
    const guesses = guessFromPath(
      simpleTree(),
      'project-1',
      '/simple/productions/other_show/assets/props/tree/shaders/blender',
      '/',
      lookup,
    );
    expect(guesses.length).toBeGreaterThan(0);
    for (const guess of guesses) expect(Object.keys(guess)).toEqual(['Template']);
  });

  it('answers nothing for a path outside every root, or with an empty separator', () => {
    expect(guessFromPath(simpleTree(), 'project-1', '/elsewhere/cosmos', '/', lookup)).toEqual([]);
    expect(guessFromPath(simpleTree(), 'project-1', '/simple/productions/x', '', lookup)).toEqual(
      [],
    );
  });

  it('reads a version as a number, and stops on revision 0', () => {
    const tree = {
      working: { mountpoint: '/m', root: '', folder_path: { shot: '<Project>/v<Version>' } },
    };
    expect(guessFromPath(tree, 'project-1', '/m/cosmos_landromat/v007', '/', lookup)).toEqual([
      { Template: 'shot', Project: 'project-1', Version: '7' },
    ]);
    expect(guessFromPath(tree, 'project-1', '/m/cosmos_landromat/v000', '/', lookup)).toEqual([
      { Template: 'shot', Project: 'project-1' },
    ]);
  });

  it('has no tree to read for a project without one', () => {
    expect(() => guessFromPath(null, 'project-1', '/x', '/', lookup)).toThrow(
      MalformedFileTreeError,
    );
  });
});
