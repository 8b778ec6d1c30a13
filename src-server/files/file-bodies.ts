import type { FastifyRequest } from 'fastify';
import { KitsuError, validationError, type FieldError } from '../http/errors';
import { validateBody, type FieldRule } from '../production/body';

// The files blueprint's pydantic schemas (blueprints/files/schemas.py).

interface FileFieldRule extends FieldRule {
  /** `Optional[...]`: null accepted. Other fields refuse it with pydantic's type message. */
  nullable?: boolean;
}

type FileSchema = Record<string, FileFieldRule>;

const text = (fallback: string): FileFieldRule => ({ type: 'string', default: fallback });
const requiredText: FileFieldRule = { type: 'string', required: true, minLength: 1 };
const optionalId: FileFieldRule = { type: 'string', default: null, nullable: true };
const integer = (fallback: number): FileFieldRule => ({ type: 'int', default: fallback });

export const WORKING_FILE_PATH: FileSchema = {
  name: text('main'),
  mode: text('working'),
  software_id: optionalId,
  comment: text(''),
  revision: integer(0),
  sep: text('/'),
};

export const OUTPUT_FILE_PATH: FileSchema = {
  name: text('main'),
  mode: text('output'),
  output_type_id: requiredText,
  task_type_id: requiredText,
  revision: integer(0),
  extension: text(''),
  representation: text(''),
  separator: text('/'),
};

export const NEW_WORKING_FILE: FileSchema = {
  name: requiredText,
  description: text(''),
  mode: text('working'),
  comment: text(''),
  person_id: optionalId,
  software_id: optionalId,
  revision: integer(0),
  sep: text('/'),
};

export const NEW_OUTPUT_FILE: FileSchema = {
  name: text('main'),
  mode: text('output'),
  output_type_id: requiredText,
  task_type_id: requiredText,
  person_id: optionalId,
  working_file_id: optionalId,
  comment: text(''),
  revision: integer(0),
  extension: text(''),
  representation: text(''),
  nb_elements: integer(1),
  sep: text('/'),
  file_status_id: optionalId,
};

export const SET_TREE: FileSchema = { tree_name: requiredText };

export const GUESS_FILE_PATH: FileSchema = {
  project_id: requiredText,
  file_path: requiredText,
  sep: text('/'),
};

const NULL_MESSAGES: Record<string, string> = {
  string: 'Input should be a valid string',
  int: 'Input should be a valid integer',
};

/** `validate_request_body`, refusing null where the schema's field is not Optional. */
export function validateFileBody(
  request: FastifyRequest,
  schemaName: string,
  schema: FileSchema,
): Record<string, unknown> {
  const names = Object.keys(schema);
  const nullErrors = names
    .filter((name) => !schema[name]?.nullable && !schema[name]?.required && sentNull(request, name))
    .map((name) => ({ field: name, message: NULL_MESSAGES[schema[name]?.type ?? ''] ?? '' }));
  let errors: FieldError[] = [];
  try {
    const body = validateBody(request, schemaName, schema);
    if (nullErrors.length === 0) return body;
  } catch (error) {
    const fieldErrors = validationErrorsOf(error);
    if (!fieldErrors) throw error;
    errors = fieldErrors;
  }
  const byField = (error: FieldError) => names.indexOf(error.field.split('.')[0] ?? '');
  throw validationError([...errors, ...nullErrors].sort((a, b) => byField(a) - byField(b)));
}

function validationErrorsOf(error: unknown): FieldError[] | null {
  if (!(error instanceof KitsuError) || error.body.message !== 'Validation error.') return null;
  const data = error.body.data as { errors?: FieldError[] } | undefined;
  return data?.errors ?? null;
}

function sentNull(request: FastifyRequest, name: string): boolean {
  const body: unknown = request.body;
  return (
    body !== null && typeof body === 'object' && (body as Record<string, unknown>)[name] === null
  );
}
