import { AppError } from './app-error';

/**
 * The response with a body that fails when no byte arrives for `idleMs`: a transfer that
 * stalls (a VPN that drops silently, a server that hangs mid-file) ends with a clear error
 * instead of waiting forever. `abort` releases the connection underneath.
 */
export function failWhenStalled(response: Response, idleMs: number, abort: () => void): Response {
  if (!response.body) return response;
  let timer: NodeJS.Timeout | undefined;
  let stream: TransformStreamDefaultController<Uint8Array> | undefined;
  const stalled = () => {
    stream?.error(
      new AppError(
        'offline',
        `The download stopped: nothing came for ${Math.round(idleMs / 1000)} s. Check your network and try again.`,
      ),
    );
    abort();
  };
  const arm = () => {
    clearTimeout(timer);
    // A body left unread by its reader must not keep the process alive.
    timer = setTimeout(stalled, idleMs).unref();
  };
  const watched = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        stream = controller;
        arm();
      },
      transform(chunk, controller) {
        arm();
        controller.enqueue(chunk);
      },
      flush: () => clearTimeout(timer),
    }),
  );
  return new Response(watched, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
