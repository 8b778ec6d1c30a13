import type { EntityFacts, FileTreeFacts, TokenSource } from './facts';

// Facts for the engine's tests: one production with an asset, and a shot and a scene in a
// sequence of an episode, as Kitsu serializes them; and a tree in the layout of Zou's
// shipped "simple" tree, with every kind's templates.

export const IDS = {
  project: '0b6b6c2a-51b5-4a6f-9f1e-2a0a8f9e1a01',
  asset: '1c0d7e3b-62c6-4b7a-8a2f-3b1b9f0f2b02',
  shot: '2d1e8f4c-73d7-4c8b-9b3a-4c2caf1a3c03',
  taskType: '3e2f905d-84e8-4d9c-ac4b-5d3db02b4d04',
} as const;

function source(name: string, extra: Record<string, unknown> = {}): TokenSource {
  return { id: `${name.toLowerCase().replace(/\W/g, '')}-id`, name, ...extra };
}

function entity(
  type: string,
  name: string,
  entityType: TokenSource,
  parent: EntityFacts | null,
  id?: string,
): EntityFacts {
  return { ...source(name), ...(id ? { id } : {}), type, entity_type: entityType, parent };
}

export const project: TokenSource = { id: IDS.project, name: 'Cosmos Landromat', code: 'CL' };
export const episode = entity('Episode', 'E01', source('Episode'), null);
export const sequence = entity('Sequence', 'S01', source('Sequence'), episode);
export const shot = entity('Shot', 'P01', source('Shot'), sequence, IDS.shot);
export const scene = entity('Scene', 'SC01', source('Scene'), sequence);
export const asset = entity(
  'Asset',
  'Tree',
  source('Props', { short_name: 'prp' }),
  null,
  IDS.asset,
);
export const shaders: TokenSource = { id: IDS.taskType, name: 'Shaders', short_name: 'shd' };
export const modeling = source('Modeling');
export const blender = source('Blender', { short_name: 'blend' });
export const cache = source('Cache', { short_name: 'cch' });

/** A working file of the asset's "Shaders" task, revision 3, as Blender "main". */
export function workingFacts(overrides: Partial<FileTreeFacts> = {}): FileTreeFacts {
  return {
    project,
    entity: asset,
    task: source('main'),
    task_type: shaders,
    department: modeling,
    software: blender,
    output_type: null,
    name: 'main',
    representation: '',
    revision: 3,
    fallbacks: { outputType: () => source('Geometry') },
    ...overrides,
  };
}

/** An output of the entity, "Cache" of "Shaders", revision 3. */
export function outputFacts(overrides: Partial<FileTreeFacts> = {}): FileTreeFacts {
  return workingFacts({
    task: null,
    software: null,
    output_type: cache,
    fallbacks: { software: () => source('3dsmax', { short_name: 'max' }) },
    ...overrides,
  });
}

const ALL_KINDS = ['shot', 'asset', 'sequence', 'scene', 'episode'] as const;

function perKind(make: (kind: string) => string, extra: Record<string, string> = {}) {
  return {
    ...Object.fromEntries(ALL_KINDS.map((kind) => [kind, make(kind)])),
    ...extra,
    style: 'lowercase',
  };
}

const FOLDERS: Record<string, string> = {
  shot: '<Project>/shots/<Sequence>/<Shot>',
  asset: '<Project>/assets/<AssetType>/<Asset>',
  sequence: '<Project>/sequences/<Sequence>',
  scene: '<Project>/scenes/<Sequence>/<Scene>',
  episode: '<Project>/episodes/<Episode>',
};

const NAMES: Record<string, string> = {
  shot: '<Project>_<Sequence>_<Shot>',
  asset: '<Project>_<AssetType>_<Asset>',
  sequence: '<Project>_<Sequence>',
  scene: '<Project>_<Scene>',
  episode: '<Project>_<Episode>',
};

/** Zou's "simple" layout: working per task type and software, output per output type. */
export function simpleTree(): Record<string, unknown> {
  return {
    working: {
      mountpoint: '/simple',
      root: 'productions',
      folder_path: perKind((kind) => `${FOLDERS[kind]}/<TaskType>/<Software>`),
      file_name: perKind((kind) => `${NAMES[kind]}_<TaskType>_<Name>_v<Version>`),
    },
    output: {
      mountpoint: '/simple',
      root: 'productions/export',
      folder_path: perKind((kind) => `${FOLDERS[kind]}/<TaskType>/<OutputType>`, {
        instance_asset:
          '<Project>/assets/<TemporalEntityType>/<TemporalEntity>/<TaskType>/<OutputType>/<AssetType>/<Asset>/instance_<Instance.number>/<Representation>',
        instance:
          '<Project>/<TemporalEntityType>/<Sequence>/<TemporalEntity>/<TaskType>/<OutputType>/<AssetType>/<Asset>/instance_<Instance.number>/<Representation>',
      }),
      file_name: perKind((kind) => `${NAMES[kind]}_<TaskType>_<OutputType>_<Name>_v<Version>`, {
        instance_asset:
          '<Project>_<TemporalEntityType>_<TemporalEntity>_<TaskType>_<OutputType>_<Name>_<Instance.name>_v<Version>',
        instance:
          '<Project>_<Sequence>_<TemporalEntity>_<TaskType>_<OutputType>_<Name>_<Instance.name>_v<Version>',
      }),
    },
  };
}

/** The simple tree with one template replaced (`mode.section.kind`). */
export function treeWith(mode: string, section: string, kind: string, template: unknown) {
  const tree = simpleTree() as Record<string, Record<string, Record<string, unknown>>>;
  const sectionObject = tree[mode]?.[section];
  if (!sectionObject) throw new Error(`No ${mode}.${section} in the test tree`);
  sectionObject[kind] = template;
  return tree;
}
