import type { DevHostServerMessage } from '../../src-shared/ipc/dev-host-protocol';
import type { TodoTask } from '../../src-shared/todo-task';

export interface FloorSocket {
  /** One request, answered with the bytes of a real `tasks:list-todo` result message. */
  fetchTasks(): Promise<TodoTask[]>;
}

/** A plain WebSocket to the benchmark's floor server; the message parsed as the transport does. */
export function openFloorSocket(url: string): Promise<FloorSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.onerror = () => reject(new Error(`Could not open the floor socket ${url}`));
    socket.onopen = () =>
      resolve({
        fetchTasks: () =>
          new Promise((settle, fail) => {
            socket.onmessage = (event) => {
              const message = JSON.parse(String(event.data)) as DevHostServerMessage;
              if (message.type === 'result' && message.result.ok) {
                settle(message.result.value as TodoTask[]);
              } else {
                fail(new Error(`The floor answered ${String(event.data).slice(0, 200)}`));
              }
            };
            socket.send(
              JSON.stringify({ type: 'call', id: 1, channel: 'tasks:list-todo', input: {} }),
            );
          }),
      });
  });
}
