import type { ModelDef, RelationDef } from '../models/model-def';

/**
 * One-to-many collections Zou serializes with the relations (`comment.attachment_files`,
 * `playlist.build_jobs`…). The child table is its own "link": it holds our id, and the
 * related id is the child's own.
 */
const ONE_TO_MANY: Record<string, RelationDef[]> = {
  comment: [children('attachment_files', 'attachment_file', 'comment_id')],
  chat_message: [children('attachment_files', 'attachment_file', 'chat_message_id')],
  playlist: [children('build_jobs', 'build_job', 'playlist_id')],
  working_file: [children('outputs', 'output_file', 'source_file_id')],
};

function children(key: string, table: string, column: string): RelationDef {
  return { key, linkTable: table, ownColumn: column, otherColumn: 'id', otherTable: table };
}

/** The model as the CRUD serves it: its declared relations plus its one-to-many collections. */
export function withCollections(model: ModelDef): ModelDef {
  const extra = ONE_TO_MANY[model.table];
  if (!extra) return model;
  const known = new Set(model.relations.map((relation) => relation.key));
  return { ...model, relations: [...model.relations, ...extra.filter((r) => !known.has(r.key))] };
}
