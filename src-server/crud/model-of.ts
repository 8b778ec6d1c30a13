import type { ModelDef } from '../models/model-def';
import { modelByTable } from '../models/registry';
import { withCollections } from './collections';

/** The CRUD's view of another table's model, for writes that span models. */
export function modelOf(table: string): ModelDef {
  const model = modelByTable(table);
  if (!model) throw new Error(`No model for table ${table}`);
  return withCollections(model);
}
