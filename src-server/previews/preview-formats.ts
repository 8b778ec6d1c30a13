// What `POST /pictures/preview-files/{id}` accepts, by extension, as Zou's previews blueprint
// lists them (`ALLOWED_PICTURE_EXTENSION`, `ALLOWED_MOVIE_EXTENSION`, `ALLOWED_FILE_EXTENSION`).

export type PreviewFamily = 'picture' | 'movie' | 'stored-as-is';

const PICTURE_EXTENSIONS = ['jpe', 'jpeg', 'jpg', 'png'];

export const MOVIE_EXTENSIONS = ['avi', 'm4v', 'mkv', 'mov', 'mp4', 'webm', 'wmv'];

export const STORED_AS_IS_EXTENSIONS = [
  'ae',
  'ai',
  'blend',
  'clip',
  'comp',
  'diff',
  'exr',
  'fbx',
  'fla',
  'flv',
  'gif',
  'glb',
  'gltf',
  'hip',
  'kra',
  'ma',
  'mb',
  'md',
  'mp3',
  'obj',
  'pdf',
  'psd',
  'psb',
  'rar',
  'rev',
  'riv',
  'sai',
  'sai2',
  'sbbkp',
  'svg',
  'swf',
  'tvpp',
  'wav',
  'zip',
];

const FAMILY_BY_EXTENSION = new Map<string, PreviewFamily>([
  ...PICTURE_EXTENSIONS.map((ext) => [ext, 'picture'] as const),
  ...MOVIE_EXTENSIONS.map((ext) => [ext, 'movie'] as const),
  ...STORED_AS_IS_EXTENSIONS.map((ext) => [ext, 'stored-as-is'] as const),
]);

/** The family of an upload's extension; null for a format Zou refuses. */
export function previewFamilyOf(extension: string): PreviewFamily | null {
  return FAMILY_BY_EXTENSION.get(extension) ?? null;
}

export interface UploadName {
  /** What follows the last dot, lowercased (the whole name when there is no dot). */
  extension: string;
  /** The name without its extension, as Zou stores it in `original_name`. */
  originalName: string;
}

/** `process_uploaded_file`'s split of the uploaded file name. */
export function splitUploadName(filename: string): UploadName {
  const parts = filename.split('.');
  const extension = (parts.pop() ?? '').toLowerCase();
  return { extension, originalName: parts.join('.') };
}
