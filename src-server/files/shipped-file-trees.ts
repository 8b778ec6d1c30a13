// The two file trees Zou ships (`zou/app/file_trees/default.json` and `simple.json`), which
// `POST /actions/projects/{id}/set-file-tree` copies into `project.file_tree`. Built here from
// their layout; the JSON (keys in order) is the same, down to default's `<OuputType>` typo in
// the sequence output name, which Zou answers with "Unknown data type: OuputType.".

type Kind = 'shot' | 'asset' | 'sequence' | 'scene' | 'episode';
type PerKind = Record<Kind, string>;

const KINDS: readonly Kind[] = ['shot', 'asset', 'sequence', 'scene', 'episode'];
const MOUNTPOINT = '/simple';

/** Where each kind's folders start. */
const FOLDER: PerKind = {
  shot: '<Project>/shots/<Sequence>/<Shot>',
  asset: '<Project>/assets/<AssetType>/<Asset>',
  sequence: '<Project>/sequences/<Sequence>',
  scene: '<Project>/scenes/<Sequence>/<Scene>',
  episode: '<Project>/episodes/<Episode>',
};

/** How each kind's file names start in most modes. */
const NAME: PerKind = {
  shot: '<Project>_<Sequence>_<Shot>',
  asset: '<Project>_<AssetType>_<Asset>',
  sequence: '<Project>_<Sequence>',
  scene: '<Project>_<Scene>',
  episode: '<Project>_<Episode>',
};

function section(templates: PerKind, extra: Record<string, string> = {}): Record<string, string> {
  return { ...templates, ...extra, style: 'lowercase' };
}

function each(make: (kind: Kind) => string): PerKind {
  return Object.fromEntries(KINDS.map((kind) => [kind, make(kind)])) as PerKind;
}

function mode(root: string, folderPath: Record<string, string>, fileName: Record<string, string>) {
  return { mountpoint: MOUNTPOINT, root, folder_path: folderPath, file_name: fileName };
}

function defaultTree() {
  return {
    working: mode(
      'productions',
      section(each((kind) => `${FOLDER[kind]}/<TaskType>`)),
      section({
        shot: '<Project>_<Shot>_<TaskType>',
        asset: `${NAME.asset}_<TaskType>`,
        sequence: `${NAME.sequence}_<TaskType>`,
        scene: '<Project>_<Sequence>_<Scene>_<TaskType>',
        episode: `${NAME.episode}_<TaskType>`,
      }),
    ),
    output: mode(
      'productions/export',
      section(each((kind) => `${FOLDER[kind]}/<OutputType>`)),
      section({
        shot: `${NAME.shot}_<OutputType>_<OutputFile>`,
        asset: `${NAME.asset}_<OutputType>_<OutputFile>`,
        sequence: `${NAME.sequence}_<OuputType>_<OutputFile>`,
        scene: '<Project>_<Sequence>_<Scene>_<OutputType>_<OutputFile>',
        episode: `${NAME.episode}_<OutputType>_<OutputFile>`,
      }),
    ),
    preview: mode(
      'productions/previews',
      section({
        ...each((kind) => `${FOLDER[kind]}/<TaskType>`),
        scene: '<Project>/scene/<Scene>/<TaskType>',
      }),
      section(each((kind) => `${NAME[kind]}_<TaskType>`)),
    ),
  };
}

/** An asset instance's output, seen from the asset or the shot/scene it is placed in. */
const INSTANCE_FOLDERS = {
  instance_asset:
    '<Project>/assets/<TemporalEntityType>/<TemporalEntity>/<TaskType>/<OutputType>/<AssetType>/<Asset>/instance_<Instance.number>/<Representation>',
  instance:
    '<Project>/<TemporalEntityType>/<Sequence>/<TemporalEntity>/<TaskType>/<OutputType>/<AssetType>/<Asset>/instance_<Instance.number>/<Representation>',
};

const INSTANCE_NAMES = {
  instance_asset:
    '<Project>_<TemporalEntityType>_<TemporalEntity>_<TaskType>_<OutputType>_<Name>_<Instance.name>_v<Version>',
  instance:
    '<Project>_<Sequence>_<TemporalEntity>_<TaskType>_<OutputType>_<Name>_<Instance.name>_v<Version>',
};

function simpleTree() {
  return {
    working: mode(
      'productions',
      section(each((kind) => `${FOLDER[kind]}/<TaskType>/<Software>`)),
      section(each((kind) => `${NAME[kind]}_<TaskType>_<Name>_v<Version>`)),
    ),
    output: mode(
      'productions/export',
      section(
        each((kind) => `${FOLDER[kind]}/<TaskType>/<OutputType>`),
        INSTANCE_FOLDERS,
      ),
      section(
        each((kind) => `${NAME[kind]}_<TaskType>_<OutputType>_<Name>_v<Version>`),
        INSTANCE_NAMES,
      ),
    ),
    preview: mode(
      'productions/previews',
      section(each((kind) => `${FOLDER[kind]}/<TaskType>`)),
      section(each((kind) => `${NAME[kind]}_<TaskType>`)),
    ),
  };
}

const SHIPPED: Record<string, () => Record<string, unknown>> = {
  default: defaultTree,
  simple: simpleTree,
};

/** A fresh copy of the shipped tree of that name, or null for any other name. */
export function shippedFileTree(name: string): Record<string, unknown> | null {
  return Object.hasOwn(SHIPPED, name) ? (SHIPPED[name]?.() ?? null) : null;
}
