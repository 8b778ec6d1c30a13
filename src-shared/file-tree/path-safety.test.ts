import { describe, expect, it } from 'vitest';
import type { FileTreeFacts } from './facts';
import { renderFilePath } from './file-paths';
import { asset, outputFacts, shot, simpleTree, workingFacts } from './file-tree-test-kit';

// Names come from anyone who may create an asset, a shot or a task type; the folders a DCC
// creates come from them. Whatever a name holds, the rendered path stays under its root.

const HOSTILE_NAMES = [
  '..',
  '.',
  '../../../etc/passwd',
  '..\\..\\..\\Windows\\System32',
  '/absolute/path',
  'C:\\Users\\x',
  '~/.ssh/id_rsa',
  'name/../../escape',
  'dots...and...more',
  ' leading and trailing ',
  'tab\tnew\nline\r',
  'nul\u0000byte',
  '%2e%2e%2f',
  '&#46;&#46;&#47;',
  '&period;&period;/',
  '．．／',
  '‥/',
  '🎬',
  '',
  'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/..',
];

const SEPARATORS = ['/', '\\'];

function withName(name: string, facts: FileTreeFacts): FileTreeFacts[] {
  return [
    { ...facts, project: { ...facts.project, name } },
    { ...facts, entity: { ...facts.entity, name } },
    { ...facts, entity: { ...facts.entity, entity_type: { id: 't', name } } },
    { ...facts, task_type: { id: 'tt', name } },
    { ...facts, software: facts.software && { id: 's', name } },
    { ...facts, output_type: facts.output_type && { id: 'o', name } },
    { ...facts, name },
    { ...facts, representation: name },
  ];
}

function checkStaysUnderRoot(root: string, sep: string, folder: string, fileName: string) {
  expect(folder.startsWith(root)).toBe(true);
  const levels = folder.slice(root.length).split(sep);
  for (const level of levels) {
    expect(level).not.toBe('..');
    expect(level).not.toBe('.');
    expect(level).toMatch(/^[a-z0-9_]*$/);
  }
  expect(fileName).toMatch(/^[a-z0-9_-]+$/);
}

describe('a name can never lead a path out of its root', () => {
  for (const sep of SEPARATORS) {
    it(`in working and output paths, with "${sep}" between levels`, () => {
      const cases: [string, string, FileTreeFacts][] = [
        ['working', `/simple${sep}productions${sep}`, workingFacts()],
        ['working', `/simple${sep}productions${sep}`, workingFacts({ entity: shot })],
        ['output', `/simple${sep}productions/export${sep}`, outputFacts({ entity: shot })],
        ['output', `/simple${sep}productions/export${sep}`, outputFacts({ entity: asset })],
      ];
      for (const [mode, root, base] of cases) {
        for (const name of HOSTILE_NAMES) {
          for (const facts of withName(name, base)) {
            const { folder, fileName } = renderFilePath(simpleTree(), mode, facts, { sep });
            checkStaysUnderRoot(root, sep, folder, fileName);
          }
        }
      }
    });
  }

  it('slugifies an id that is not a UUID, so an id cannot add a level either', () => {
    const tree = simpleTree() as Record<string, Record<string, Record<string, string>>>;
    tree.working!.folder_path!.asset = '<Asset.id>/<Project.id>';
    const facts = workingFacts({
      entity: { ...asset, id: '../../etc' },
      project: { id: '..\\..', name: 'p' },
    });
    expect(renderFilePath(tree, 'working', facts).folder).toBe('/simple/productions/etc/');
  });
});
