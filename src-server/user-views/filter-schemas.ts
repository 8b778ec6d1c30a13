import { z } from 'zod';
import { parseBoolean } from '../crud/values';

// Zou's pydantic bodies for search filters and groups (blueprints/user/schemas.py), with
// pydantic's own messages and its lax boolean parsing.

const text = () => z.string({ error: 'Input should be a valid string' });
const requiredText = () => text().min(1, 'String should have at least 1 character');
const optionalText = () => text().nullish();

const laxBoolean = () =>
  z.any().transform((value: unknown, context) => {
    if (value === null || value === undefined) return value as null | undefined;
    const parsed = parseBoolean(value);
    if (parsed === null) {
      context.addIssue({
        code: 'custom',
        message:
          typeof value === 'string'
            ? 'Input should be a valid boolean, unable to interpret input'
            : 'Input should be a valid boolean',
      });
      return z.NEVER;
    }
    return parsed;
  });

export const createFilterSchema = z.object({
  name: requiredText(),
  query: requiredText(),
  list_type: text().default('todo'),
  project_id: optionalText(),
  entity_type: optionalText(),
  is_shared: laxBoolean().default(false),
  search_filter_group_id: optionalText(),
  department_id: optionalText(),
});

export const updateFilterSchema = z.object({
  name: optionalText(),
  search_query: optionalText(),
  search_filter_group_id: optionalText(),
  is_shared: laxBoolean().optional(),
  project_id: optionalText(),
  department_id: optionalText(),
});

export const createFilterGroupSchema = z.object({
  name: requiredText(),
  color: optionalText().default(''),
  list_type: text().default('todo'),
  project_id: optionalText(),
  is_shared: laxBoolean().default(false),
  entity_type: optionalText(),
  department_id: optionalText(),
});

export const updateFilterGroupSchema = z.object({
  name: optionalText(),
  color: optionalText(),
  is_shared: laxBoolean().optional(),
  project_id: optionalText(),
  department_id: optionalText(),
});

export type CreateFilterBody = z.infer<typeof createFilterSchema>;
export type UpdateFilterBody = z.infer<typeof updateFilterSchema>;
export type CreateFilterGroupBody = z.infer<typeof createFilterGroupSchema>;
export type UpdateFilterGroupBody = z.infer<typeof updateFilterGroupSchema>;
