import { createServer, connect, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of a test server, for tests of what happens when the network
 * fails: `cut()` drops every open connection, `goOffline()` also refuses new ones until
 * `goOnline()`. The server behind it keeps running.
 */
export interface CuttableProxy {
  /** `http://127.0.0.1:PROXY_PORT` */
  origin: string;
  cut(): void;
  goOffline(): void;
  goOnline(): void;
  close(): Promise<void>;
}

export async function startCuttableProxy(target: {
  host: string;
  port: number;
}): Promise<CuttableProxy> {
  const open = new Set<Socket>();
  let offline = false;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    if (offline) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const cut = () => {
    for (const socket of open) socket.destroy();
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    cut,
    goOffline() {
      offline = true;
      cut();
    },
    goOnline() {
      offline = false;
    },
    close() {
      cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A cuttable proxy in front of the server at `url` (its host and port). */
export function proxyTo(url: string): Promise<CuttableProxy> {
  const { hostname, port } = new URL(url);
  return startCuttableProxy({ host: hostname, port: Number(port) });
}
