import { FileTreeLookupError, MalformedFileTreeError, MissingFactError } from './errors';
import type { AssetInstanceFacts, EntityFacts, FileTreeFacts, TokenSource } from './facts';

// Zou's `get_folder_from_datatype`: the raw value of one `<Token.field>`, before slugifying.
// `null` leaves the token in the template untouched (Zou skips a None value).

/** The fields a token may name; any other reads `name`. */
export const TOKEN_FIELDS: ReadonlySet<string> = new Set(['short_name', 'name', 'number', 'id']);

const TEMPORAL_TYPES = new Set(['Shot', 'Sequence', 'Episode', 'Scene', 'Edit', 'Concept']);
const EPISODE_FALLBACK = 'e001';

export type TokenValue = string | null;

export function tokenValue(token: string, field: string, facts: FileTreeFacts): TokenValue {
  switch (token) {
    case 'Project':
      return fieldOf(facts.project, field, token);
    case 'Task':
      if (facts.task === undefined) throw new MissingFactError('task');
      if (facts.task === null) throw new MalformedFileTreeError('Given task is null.');
      return fieldOf(facts.task, field, token);
    case 'TaskType':
      return facts.task_type ? fieldOf(facts.task_type, field, token) : '';
    case 'Department':
      return departmentValue(facts, field);
    case 'Shot':
    case 'Scene':
    case 'TemporalEntity':
      return fieldOf(facts.entity, field, token);
    case 'TemporalEntityType':
      return lowered(fieldOf(facts.entity.entity_type, field, token));
    case 'Asset':
      return fieldOf(facts.asset_instance?.asset ?? facts.entity, field, token);
    case 'AssetType':
      return assetTypeValue(facts.asset_instance?.asset ?? facts.entity, field);
    case 'Sequence':
      return sequenceValue(facts.entity, field);
    case 'Episode':
      return episodeValue(facts.entity, field);
    case 'Software':
      return fieldOf(softwareOf(facts), field, token);
    case 'OutputType':
      return lowered(fieldOf(outputTypeOf(facts), field, token));
    case 'Instance':
      return instanceValue(facts.asset_instance, field);
    case 'Representation':
      return facts.representation ?? '';
    case 'Name':
    case 'OutputFile':
    case 'WorkingFile':
      return facts.name;
    case 'Version':
    case 'Revision':
      return zfill(String(facts.revision), 3);
    default:
      throw new MalformedFileTreeError(`Unknown data type: ${token}.`);
  }
}

/**
 * `source[field]`. Zou raises a KeyError (a 500) for a field the record does not have, as
 * `<Project.short_name>`; our decision is a 400 naming it.
 */
function fieldOf(source: TokenSource, field: string, token: string): TokenValue {
  if (!Object.hasOwn(source, field)) {
    throw new MalformedFileTreeError(`Field ${field} cannot be found on ${token}.`);
  }
  const value = source[field];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

function lowered(value: TokenValue): TokenValue {
  return value === null ? null : value.toLowerCase();
}

/** Python's `str.zfill`: zeros after any sign, up to `width` characters. */
export function zfill(text: string, width: number): string {
  if (text.length >= width) return text;
  const sign = text.startsWith('-') || text.startsWith('+') ? text.charAt(0) : '';
  return sign + text.slice(sign.length).padStart(width - sign.length, '0');
}

function departmentValue(facts: FileTreeFacts, field: string): TokenValue {
  if (!facts.task_type) return '';
  if (facts.department === undefined) throw new MissingFactError('department');
  if (facts.department === null) throw new FileTreeLookupError('department');
  return fieldOf(facts.department, field, 'Department');
}

/** Zou reads the type through `get_asset_type`, which finds no asset type for a shot's. */
function assetTypeValue(asset: EntityFacts, field: string): TokenValue {
  if (TEMPORAL_TYPES.has(asset.type)) throw new FileTreeLookupError('asset type');
  return fieldOf(asset.entity_type, field, 'AssetType');
}

function parentOf(entity: EntityFacts): EntityFacts | null {
  if (entity.parent === undefined) throw new MissingFactError(`parent of ${entity.type}`);
  return entity.parent;
}

/**
 * A shot's or scene's sequence, or the sequence itself; "" for anything else. A name holding
 * "Seq" becomes S + the rest after its third character, zero-filled to 3 (`Seq2` → `S002`).
 */
function sequenceValue(entity: EntityFacts, field: string): TokenValue {
  let sequence: EntityFacts | null = null;
  if (entity.type === 'Shot' || entity.type === 'Scene') {
    sequence = parentOf(entity);
    if (sequence === null) throw new FileTreeLookupError('sequence');
  } else if (entity.type === 'Sequence') {
    sequence = entity;
  }
  const name = sequence ? fieldOf(sequence, field, 'Sequence') : '';
  if (name === null || !name.includes('Seq')) return name;
  return `S${zfill(name.slice(3), 3)}`;
}

/** The episode above a shot, scene or sequence, or the episode itself; else "e001". */
function episodeValue(entity: EntityFacts, field: string): TokenValue {
  let episode: EntityFacts | null = null;
  if (entity.type === 'Episode') {
    episode = entity;
  } else {
    let sequence: EntityFacts | null = null;
    if (entity.type === 'Shot' || entity.type === 'Scene') sequence = parentOf(entity);
    else if (entity.type === 'Sequence') sequence = entity;
    if (sequence) episode = parentOf(sequence);
  }
  // Zou falls back on any failure to read the field, a missing one included.
  if (!episode || !Object.hasOwn(episode, field)) return EPISODE_FALLBACK;
  const value = episode[field];
  return value === null || value === undefined ? null : String(value);
}

function softwareOf(facts: FileTreeFacts): TokenSource {
  if (facts.software) return facts.software;
  const fallback = facts.fallbacks?.software;
  if (!fallback) throw new MissingFactError('software');
  return fallback();
}

function outputTypeOf(facts: FileTreeFacts): TokenSource {
  if (facts.output_type) return facts.output_type;
  const fallback = facts.fallbacks?.outputType;
  if (!fallback) throw new MissingFactError('output type');
  return fallback();
}

/** The instance's name (its number when it has none), else its number zero-filled to 4. */
function instanceValue(instance: AssetInstanceFacts | null | undefined, field: string): string {
  if (!instance) return '';
  const number = zfill(instance.number === null ? 'None' : String(instance.number), 4);
  if (field === 'name') return instance.name ?? number;
  return number;
}
