import type { HandlerGroup, HandlerServices } from '../handler-group';

/** The live connection to the server's events. */
export function liveHandlers({ live }: HandlerServices): HandlerGroup<'live:state'> {
  return {
    'live:state': async () => live.state,
  };
}
