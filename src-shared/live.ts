/**
 * The state of main's subscription to the Kitsu server's socket.io `/events`: while it is
 * `connected`, the todo list and an open task update by themselves.
 */
export type LiveStatus = 'connected' | 'connecting' | 'disconnected';

export interface LiveState {
  status: LiveStatus;
  /** Why the last connection attempt failed, when it did. */
  detail: string | null;
}
