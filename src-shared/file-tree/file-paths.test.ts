import { describe, expect, it } from 'vitest';
import { FileTreeLookupError, MalformedFileTreeError, MissingFactError } from './errors';
import type { EntityFacts, FileTreeFacts } from './facts';
import { renderFileName, renderFilePath, renderFolderPath, templateKind } from './file-paths';
import {
  IDS,
  asset,
  episode,
  outputFacts,
  scene,
  sequence,
  shot,
  simpleTree,
  treeWith,
  workingFacts,
} from './file-tree-test-kit';

const animation = { id: 'animation-id', name: 'Animation', short_name: 'anim' };

function path(facts: FileTreeFacts, mode = 'working', tree: unknown = simpleTree()) {
  return renderFilePath(tree, mode, facts);
}

function malformed(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MalformedFileTreeError) return error.message;
    throw error;
  }
  throw new Error('expected a MalformedFileTreeError');
}

describe('working paths of every kind (simple tree)', () => {
  it.each([
    [
      'asset',
      workingFacts(),
      '/simple/productions/cosmos_landromat/assets/props/tree/shaders/blender',
      'cosmos_landromat_props_tree_shaders_main_v003',
    ],
    [
      'shot',
      workingFacts({ entity: shot, task_type: animation }),
      '/simple/productions/cosmos_landromat/shots/s01/p01/animation/blender',
      'cosmos_landromat_s01_p01_animation_main_v003',
    ],
    [
      'scene',
      workingFacts({ entity: scene, task_type: animation }),
      '/simple/productions/cosmos_landromat/scenes/s01/sc01/animation/blender',
      'cosmos_landromat_sc01_animation_main_v003',
    ],
    [
      'sequence',
      workingFacts({ entity: sequence, task_type: animation }),
      '/simple/productions/cosmos_landromat/sequences/s01/animation/blender',
      'cosmos_landromat_s01_animation_main_v003',
    ],
    [
      'episode',
      workingFacts({ entity: episode, task_type: animation }),
      '/simple/productions/cosmos_landromat/episodes/e01/animation/blender',
      'cosmos_landromat_e01_animation_main_v003',
    ],
  ])('%s', (_kind, facts, folder, fileName) => {
    expect(path(facts)).toEqual({ folder, fileName });
  });

  it('reads the asset template for any other kind, whose <AssetType> then finds none', () => {
    const edit = workingFacts({ entity: { ...shot, type: 'Edit', name: 'Trailer' } });
    const tree = treeWith('working', 'folder_path', 'asset', '<Project>/edits/<Asset>');
    expect(renderFolderPath(tree, 'working', edit)).toBe(
      '/simple/productions/cosmos_landromat/edits/trailer',
    );
    expect(() => path(edit)).toThrow(FileTreeLookupError);
  });

  it('puts the separator of the target platform between levels, not in the file name', () => {
    expect(renderFilePath(simpleTree(), 'working', workingFacts(), { sep: '\\' })).toEqual({
      folder: '/simple\\productions\\cosmos_landromat\\assets\\props\\tree\\shaders\\blender',
      fileName: 'cosmos_landromat_props_tree_shaders_main_v003',
    });
  });

  it('stops at the mountpoint when the root is empty', () => {
    const tree = simpleTree() as { working: { root: string } };
    tree.working.root = '';
    expect(renderFolderPath(tree, 'working', workingFacts())).toBe(
      '/simple/cosmos_landromat/assets/props/tree/shaders/blender',
    );
  });
});

describe('output paths', () => {
  it('reads the output type and the given task type, not a task', () => {
    expect(path(outputFacts({ entity: shot, task_type: animation }), 'output')).toEqual({
      folder: '/simple/productions/export/cosmos_landromat/shots/s01/p01/animation/cache',
      fileName: 'cosmos_landromat_s01_p01_animation_cache_main_v003',
    });
  });

  it('suffixes an output of several elements with the range the DCCs expand', () => {
    const facts = outputFacts({ entity: shot });
    expect(renderFileName(simpleTree(), 'output', facts, 50)).toBe(
      'cosmos_landromat_s01_p01_shaders_cache_main_v003_[1-50]',
    );
    expect(renderFileName(simpleTree(), 'output', facts, 1)).toBe(
      'cosmos_landromat_s01_p01_shaders_cache_main_v003',
    );
  });

  it('renders an instance in a shot with its own template, asset and number', () => {
    const instance = { id: 'i', name: null, number: 1, target_asset_id: null, asset };
    const facts = outputFacts({
      entity: shot,
      task_type: animation,
      asset_instance: instance,
      representation: 'abc',
    });
    expect(path(facts, 'output')).toEqual({
      folder:
        '/simple/productions/export/cosmos_landromat/shot/s01/p01/animation/cache/props/tree/instance_0001/abc',
      fileName: 'cosmos_landromat_s01_p01_animation_cache_main_0001_v003',
    });
    const named = { ...instance, name: 'Tree_0001' };
    expect(renderFileName(simpleTree(), 'output', { ...facts, asset_instance: named })).toBe(
      'cosmos_landromat_s01_p01_animation_cache_main_tree_0001_v003',
    );
  });

  it('renders an instance placed in an asset with the instance_asset template', () => {
    const rabbit: EntityFacts = {
      id: 'rabbit-id',
      name: 'Rabbit',
      type: 'Asset',
      entity_type: { id: 'character-id', name: 'Character' },
      parent: null,
    };
    const instance = { id: 'i', name: null, number: 1, target_asset_id: asset.id, asset: rabbit };
    const facts = outputFacts({ entity: asset, asset_instance: instance, representation: 'ml' });
    expect(path(facts, 'output')).toEqual({
      folder:
        '/simple/productions/export/cosmos_landromat/assets/props/tree/shaders/cache/character/rabbit/instance_0001/ml',
      fileName: 'cosmos_landromat_props_tree_shaders_cache_main_0001_v003',
    });
  });
});

describe('tokens', () => {
  function folderOf(template: string, facts: FileTreeFacts = workingFacts()): string {
    const tree = treeWith('working', 'folder_path', templateKind(facts), template);
    return renderFolderPath(tree, 'working', facts).slice('/simple/productions/'.length);
  }

  it.each([
    ['<Project>', 'cosmos_landromat'],
    ['<Project.code>', 'cosmos_landromat'],
    ['<Project.id>', IDS.project],
    ['<Task>', 'main'],
    ['<TaskType.short_name>', 'shd'],
    ['<TaskType.description>', 'shaders'],
    ['<Department>', 'modeling'],
    ['<Shot>/<Scene>/<TemporalEntity>', 'tree/tree/tree'],
    ['<TemporalEntityType>', 'props'],
    ['<AssetType.short_name>', 'prp'],
    ['<Asset.id>', IDS.asset],
    ['<Sequence>', ''],
    ['<Episode>', 'e001'],
    ['<Software.short_name>', 'blend'],
    ['<OutputType>', 'geometry'],
    ['<Instance>', ''],
    ['<Representation>', ''],
    ['<Name>-<OutputFile>-<WorkingFile>', 'main-main-main'],
    ['v<Version>.r<Revision>', 'v003.r003'],
  ])('%s on a working file of the asset', (template, expected) => {
    expect(folderOf(template)).toBe(expected);
  });

  it('walks up from a shot to its sequence and episode', () => {
    const facts = workingFacts({ entity: shot });
    expect(folderOf('<Episode>/<Sequence>/<Shot>', facts)).toBe('e01/s01/p01');
  });

  it('falls back to e001 when the sequence has no episode, or the field is not there', () => {
    const flat = { ...shot, parent: { ...sequence, parent: null } };
    expect(folderOf('<Episode>', workingFacts({ entity: flat }))).toBe('e001');
    expect(folderOf('<Episode.short_name>', workingFacts({ entity: shot }))).toBe('e001');
  });

  it('turns a sequence named SeqN into S00N', () => {
    const cases: [string, string][] = [
      ['Seq2', 's002'],
      ['Seq02', 's002'],
      ['Seq123', 's123'],
      ['MySeq1', 'seq1'],
    ];
    for (const [name, expected] of cases) {
      const facts = workingFacts({ entity: { ...shot, parent: { ...sequence, name } } });
      expect(folderOf('<Sequence>', facts)).toBe(expected);
    }
  });

  it('takes the number of an instance, zero-filled to 4, unless its name is asked', () => {
    const instance = { id: 'i', name: 'Hero', number: 3, target_asset_id: null, asset };
    const facts = outputFacts({ asset_instance: instance });
    const tree = treeWith('output', 'folder_path', 'instance', '<Instance>/<Instance.number>');
    expect(renderFolderPath(tree, 'output', facts)).toBe('/simple/productions/export/hero/0003');
  });

  it('leaves the token of a null field in place, and the file name slugifies it', () => {
    const facts = workingFacts({ task_type: { ...animation, short_name: null } });
    expect(folderOf('<TaskType.short_name>', facts)).toBe('<TaskType.short_name>');
    const tree = treeWith('working', 'file_name', 'asset', '<Asset>_<TaskType.short_name>');
    expect(renderFileName(tree, 'working', facts)).toBe('tree_tasktype_short_name');
  });

  it('asks the fallbacks only when a template needs a software or output type', () => {
    let calls = 0;
    const facts = outputFacts({
      fallbacks: { software: () => ((calls += 1), { id: 's', name: '3dsmax' }) },
    });
    expect(path(facts, 'output').folder).not.toContain('3dsmax');
    expect(calls).toBe(0);
    const tree = treeWith('output', 'folder_path', 'asset', '<Software>');
    expect(renderFolderPath(tree, 'output', facts)).toBe('/simple/productions/export/3dsmax');
    expect(calls).toBe(1);
  });
});

describe('names and styles', () => {
  it.each([
    ['accents', 'Élodie’s Café', 'elodies_cafe'],
    ['CJK', '東京タワー', 'dong_jing_tawa'],
    ['emoji', '🌳 Big Tree 🌳', 'big_tree'],
    ['spaces and dots', 'Tree v2.0 (final)', 'tree_v2_0_final'],
    ['a parent reference', '../../etc/passwd', 'etc_passwd'],
    ['backslashes', '..\\..\\Windows', 'windows'],
  ])('%s in a name', (_label, name, slug) => {
    const rendered = path(workingFacts({ entity: { ...asset, name } }));
    expect(rendered.folder).toBe(
      `/simple/productions/cosmos_landromat/assets/props/${slug}/shaders/blender`,
    );
    expect(rendered.fileName).toBe(`cosmos_landromat_props_${slug}_shaders_main_v003`);
  });

  it('slugifies the whole file name again, but keeps ids', () => {
    const named = treeWith('working', 'file_name', 'asset', '<Asset>.final-<Asset.id> v<Version>');
    expect(renderFileName(named, 'working', workingFacts())).toBe(`tree_final_${IDS.asset}_v003`);
  });

  it('applies an uppercase style to values and file names, ids excepted', () => {
    const upper = simpleTree() as Record<string, Record<string, Record<string, string>>>;
    upper.working!.folder_path!.style = 'uppercase';
    upper.working!.file_name!.style = 'uppercase';
    upper.working!.file_name!.asset = '<Asset>_<Asset.id>_v<Version>';
    expect(path(workingFacts(), 'working', upper)).toEqual({
      folder: '/simple/productions/COSMOS_LANDROMAT/assets/PROPS/TREE/SHADERS/BLENDER',
      fileName: `TREE_${IDS.asset}_V003`,
    });
  });

  it('leaves slugify’s lowercase when the style is neither', () => {
    const plain = simpleTree() as Record<string, Record<string, Record<string, string>>>;
    plain.working!.folder_path!.style = 'Title';
    expect(renderFolderPath(plain, 'working', workingFacts())).toBe(
      '/simple/productions/cosmos_landromat/assets/props/tree/shaders/blender',
    );
  });
});

describe('errors', () => {
  it.each([
    ['no tree', null, 'working', 'No tree can be found for given project.'],
    ['an unknown mode', simpleTree(), 'unknown', 'Mode unknown cannot be found on given tree.'],
    [
      'an inherited key',
      simpleTree(),
      'constructor',
      'Mode constructor cannot be found on given tree.',
    ],
    [
      'no mountpoint',
      { working: { root: 'x', folder_path: {}, file_name: {} } },
      'working',
      "Can't find given mode (working) in given tree.",
    ],
    ['no folder_path', { working: { mountpoint: '/m', root: '' } }, 'working', ''],
    [
      'no template for the kind',
      treeWith('working', 'folder_path', 'asset', undefined),
      'working',
      '',
    ],
    ['a template that is not text', treeWith('working', 'folder_path', 'asset', 3), 'working', ''],
    [
      'an unknown token',
      treeWith('working', 'folder_path', 'asset', '<Foo>'),
      'working',
      'Unknown data type: Foo.',
    ],
    [
      'an empty token',
      treeWith('working', 'file_name', 'asset', 'x<>'),
      'working',
      'Unknown data type: .',
    ],
    [
      'a field the record lacks',
      treeWith('working', 'folder_path', 'asset', '<Project.short_name>'),
      'working',
      'Field short_name cannot be found on Project.',
    ],
  ])('%s', (_label, tree, mode, message) => {
    expect(malformed(() => path(workingFacts(), mode, tree))).toBe(message);
  });

  it('refuses <Task> on an output, which has no task', () => {
    const tree = treeWith('output', 'folder_path', 'asset', '<Task>');
    expect(malformed(() => path(outputFacts(), 'output', tree))).toBe('Given task is null.');
  });

  it('reports the record a token reads through when it does not exist', () => {
    const department = treeWith('working', 'folder_path', 'asset', '<Department>');
    expect(() => path(workingFacts({ department: null }), 'working', department)).toThrow(
      FileTreeLookupError,
    );
    expect(
      path(workingFacts({ task_type: null, department: null }), 'working', department).folder,
    ).toBe('/simple/productions/');
    const assetType = treeWith('working', 'folder_path', 'shot', '<AssetType>');
    expect(() => path(workingFacts({ entity: shot }), 'working', assetType)).toThrow(
      FileTreeLookupError,
    );
    const orphan = { ...shot, parent: null };
    expect(() => path(workingFacts({ entity: orphan }))).toThrow(FileTreeLookupError);
  });

  it('tells a caller which fact it did not gather', () => {
    const noParent: EntityFacts = { ...shot };
    delete noParent.parent;
    expect(() => path(workingFacts({ entity: noParent }))).toThrow(MissingFactError);
    expect(() =>
      path(
        outputFacts({ fallbacks: {} }),
        'output',
        treeWith('output', 'folder_path', 'asset', '<Software>'),
      ),
    ).toThrow(MissingFactError);
    expect(() =>
      path(
        workingFacts({ task: undefined }),
        'working',
        treeWith('working', 'folder_path', 'asset', '<Task>'),
      ),
    ).toThrow(MissingFactError);
  });

  it('renders the folder before the file name, so a folder error comes first', () => {
    const bothBroken = treeWith('working', 'folder_path', 'asset', '<Foo>');
    (
      bothBroken as Record<string, Record<string, Record<string, unknown>>>
    ).working!.file_name!.asset = '<Bar>';
    expect(malformed(() => path(workingFacts(), 'working', bothBroken))).toBe(
      'Unknown data type: Foo.',
    );
  });
});
