// What a path is rendered from: Kitsu's JSON objects under their Kitsu field names, with the
// links a token walks (an entity's type and parents) already resolved. The server fills these
// from SQL, the app from its cache. A `null` link means "there is none"; an absent one
// (`undefined`) means "not gathered", and a token that needs it fails with MissingFactError.

/** A record a `<Token>` or `<Token.field>` reads (`field` among name, short_name, number, id). */
export interface TokenSource {
  id: string;
  name: string;
  /** Kitsu serializes every column: a null one leaves its token unrendered, as Zou does. */
  [field: string]: unknown;
}

/** An entity as Kitsu serializes it: `type` is its kind ("Shot", "Sequence", "Asset", …). */
export interface EntityFacts extends TokenSource {
  type: string;
  /** Its entity type (the asset type for an asset). */
  entity_type: TokenSource;
  /** A shot's or scene's sequence, a sequence's episode; null when it has none. */
  parent?: EntityFacts | null;
}

/** An asset instance: a copy of `asset` placed in a shot, a scene or another asset. */
export interface AssetInstanceFacts {
  id: string;
  name: string | null;
  number: number | null;
  target_asset_id: string | null;
  asset: EntityFacts;
}

/** Everything one working or output path may read. */
export interface FileTreeFacts {
  project: TokenSource;
  /** The entity the file belongs to (for an instance: the entity it sits in). */
  entity: EntityFacts;
  /** Working files: the task. Output files have none. */
  task?: TokenSource | null;
  /** The task type given, else the task's; null when there is neither. */
  task_type?: TokenSource | null;
  /** The department of `task_type`; null when that task type has none. */
  department?: TokenSource | null;
  software?: TokenSource | null;
  output_type?: TokenSource | null;
  /** Instance output paths only. */
  asset_instance?: AssetInstanceFacts | null;
  /** The `name` of the file ("main" by default in Kitsu's routes). */
  name: string;
  representation?: string;
  revision: number;
  /**
   * Zou get-or-creates a software ("3dsmax") or an output type ("Geometry") when a template
   * asks for one and none was given; these supply them, and are called only then.
   */
  fallbacks?: {
    software?: () => TokenSource;
    outputType?: () => TokenSource;
  };
}
