import type { FastifyRequest } from 'fastify';
import { FileTreeLookupError, MalformedFileTreeError } from '../../src-shared/file-tree';
import { UnparsedBody } from '../http/body-parsers';
import { KitsuError, notFound } from '../http/errors';

// The file-tree engine's failures as Zou's file routes answer them.

/** What Zou echoes as `received_data`: the JSON body, null for any other. */
function receivedData(request: FastifyRequest): unknown {
  const isJson = /^application\/([\w.+-]+\+)?json/i.test(String(request.headers['content-type']));
  const body: unknown = request.body;
  return isJson && body !== undefined && !(body instanceof UnparsedBody) ? body : null;
}

/** Runs a rendering; a malformed tree is 400 `{message, received_data}`, a missing record 404. */
export function renderingPath<T>(request: FastifyRequest, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof MalformedFileTreeError) {
      throw new KitsuError(400, { message: error.message, received_data: receivedData(request) });
    }
    if (error instanceof FileTreeLookupError) throw notFound();
    throw error;
  }
}

/** The output-files/new variant: Zou answers a malformed tree there with `{error: message}`. */
export function renderingOutputFile<T>(render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof MalformedFileTreeError) {
      throw new KitsuError(400, { error: error.message });
    }
    if (error instanceof FileTreeLookupError) throw notFound();
    throw error;
  }
}
