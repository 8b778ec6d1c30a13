import type { ModelDef } from '../models/model-def';
import { modelByTable } from '../models/registry';

/** A model of the registry by table name; its absence is a programming error. */
export function requiredModel(table: string): ModelDef {
  const model = modelByTable(table);
  if (!model) throw new Error(`The ${table} model is missing from the registry`);
  return model;
}
