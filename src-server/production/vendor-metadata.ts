import type { Db } from '../db/database';
import { inJsonList, prepareCached } from '../crud/sql';
import type { Json } from '../models/serialize';

/** The descriptor kinds metadata is declared for (`metadata_descriptor.entity_type`). */
export type DescriptorKind = 'Asset' | 'Shot' | 'Sequence' | 'Episode' | 'Edit' | 'Scene';

/**
 * `remove_not_allowed_metadata_for_vendor`: a vendor sees only the metadata fields whose
 * descriptor lists no department or one of theirs. One query for every project in the list.
 */
export function maskMetadataForVendor(
  db: Db,
  kind: DescriptorKind,
  departments: string[] | null,
  entities: Json[],
  projectId: string | null = null,
): Json[] {
  if (departments === null || entities.length === 0) return entities;
  const projectOf = (entity: Json): string => String(entity.project_id ?? projectId);
  const projectIds = [...new Set(entities.map(projectOf))];
  const projects = inJsonList('d.project_id', projectIds);
  const rows = prepareCached(
    db,
    `SELECT d.project_id, d.field_name, l.department_id FROM metadata_descriptor d
     LEFT JOIN department_metadata_descriptor_link l ON l.metadata_descriptor_id = d.id
     WHERE d.entity_type = ? AND ${projects.sql}`,
  ).all(kind, ...projects.params) as {
    project_id: string;
    field_name: string;
    department_id: string | null;
  }[];
  const hidden = hiddenFieldsByProject(rows, new Set(departments));
  for (const entity of entities) {
    const fields = hidden.get(projectOf(entity)) ?? new Set<string>();
    const data = (entity.data as Record<string, unknown> | null) ?? {};
    entity.data = Object.fromEntries(Object.entries(data).filter(([key]) => !fields.has(key)));
  }
  return entities;
}

function hiddenFieldsByProject(
  rows: { project_id: string; field_name: string; department_id: string | null }[],
  allowed: Set<string>,
): Map<string, Set<string>> {
  const descriptors = new Map<string, { project: string; field: string; departments: string[] }>();
  for (const row of rows) {
    const key = `${row.project_id}\u0000${row.field_name}`;
    let descriptor = descriptors.get(key);
    if (!descriptor) {
      descriptor = { project: row.project_id, field: row.field_name, departments: [] };
      descriptors.set(key, descriptor);
    }
    if (row.department_id) descriptor.departments.push(row.department_id);
  }
  const hidden = new Map<string, Set<string>>();
  for (const { project, field, departments } of descriptors.values()) {
    if (departments.length === 0 || departments.some((id) => allowed.has(id))) continue;
    let fields = hidden.get(project);
    if (!fields) hidden.set(project, (fields = new Set()));
    fields.add(field);
  }
  return hidden;
}
