// A project file tree in the shape Zou's file_tree_service reads: one section per mode
// (working, output, preview), each with a mountpoint, a root and <Token> templates per entity
// kind for folder_path and file_name, plus a "style" applied after slugifying.

type EntityKind = 'asset' | 'shot' | 'sequence' | 'scene' | 'episode';
type Templates = Record<EntityKind, string> & { style: 'lowercase' | 'uppercase' | '' };

export interface FileTreeMode {
  mountpoint: string;
  root: string;
  folder_path: Templates;
  file_name: Templates;
}

export interface FileTree {
  working: FileTreeMode;
  output: FileTreeMode;
  preview: FileTreeMode;
}

const MOUNTPOINT = '/mnt/studio';

function folders(leaf: string): Templates {
  return {
    asset: `<Project>/assets/<AssetType>/<Asset>/${leaf}`,
    shot: `<Project>/shots/<Sequence>/<Shot>/${leaf}`,
    sequence: `<Project>/sequences/<Sequence>/${leaf}`,
    scene: `<Project>/scenes/<Sequence>/<Scene>/${leaf}`,
    episode: `<Project>/episodes/<Episode>/${leaf}`,
    style: 'lowercase',
  };
}

function names(suffix: string): Templates {
  return {
    asset: `<Project>_<AssetType>_<Asset>_${suffix}`,
    shot: `<Project>_<Sequence>_<Shot>_${suffix}`,
    sequence: `<Project>_<Sequence>_${suffix}`,
    scene: `<Project>_<Sequence>_<Scene>_${suffix}`,
    episode: `<Project>_<Episode>_${suffix}`,
    style: 'lowercase',
  };
}

/** Work files per task type, publishes per output type (a task type is not always known). */
export function demoFileTree(): FileTree {
  return {
    working: {
      mountpoint: MOUNTPOINT,
      root: 'productions',
      folder_path: folders('<TaskType>/work'),
      file_name: names('<TaskType>_<Name>_v<Version>'),
    },
    output: {
      mountpoint: MOUNTPOINT,
      root: 'productions',
      folder_path: folders('publish/<OutputType>'),
      file_name: names('<OutputType>_<OutputFile>'),
    },
    preview: {
      mountpoint: MOUNTPOINT,
      root: 'productions/previews',
      folder_path: folders('<TaskType>'),
      file_name: names('<TaskType>_v<Version>'),
    },
  };
}
