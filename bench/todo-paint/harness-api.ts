/** What the harness page exposes on `window[TODO_PAINT_GLOBAL]` for the benchmark to drive. */
export const TODO_PAINT_GLOBAL = 'todoPaint';

/** One run, request to rows painted, in the page's clock (ms). */
export interface PaintTiming {
  totalMs: number;
  /** Request sent to rows parsed. */
  transportMs: number;
  /** The todo screen's filter and sort of the rows (0 for the floor, which shows them as sent). */
  rowsMs: number;
  /** Rows handed to the list to the frame after the one that showed them. */
  paintMs: number;
  /** Rows in the list, and the rows actually in the DOM (the virtualized window). */
  rows: number;
  rowsInDom: number;
}

export interface TodoPaintHarness {
  /** `session:login` through main; answers the name of the person logged in. */
  logIn(apiUrl: string, identifier: string, password: string): Promise<string>;
  /** Opens the floor's socket, kept open like the dev host's between calls. */
  openFloor(url: string): Promise<void>;
  /** `tasks:list-todo` through the real transport, main and the server, into the list. */
  measured(): Promise<PaintTiming>;
  /** The same message bytes from a plain WebSocket server, into the same list. */
  floor(): Promise<PaintTiming>;
  /** Unmounts the list and waits for the emptied frame. */
  clear(): Promise<void>;
}
