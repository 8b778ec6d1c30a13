import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A loopback HTTP gateway in front of a test server that answers `503` to the next `failures`
 * comment posts (as a reverse proxy does while the server behind it restarts) and forwards
 * everything else untouched.
 */
export interface FailingGateway {
  /** The API's URL through the gateway. */
  apiUrl: string;
  /** How many comment posts to refuse from now on. */
  failNextPosts(count: number): void;
  /** Comment posts it refused so far. */
  refused: number;
  close(): Promise<void>;
}

export async function startFailingGateway(apiUrl: string): Promise<FailingGateway> {
  const target = new URL(apiUrl);
  let failures = 0;
  const gateway = {
    refused: 0,
  } as FailingGateway;
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  };
  const server = createServer((incoming, outgoing) => {
    const isCommentPost = incoming.method === 'POST' && /\/comment$/.test(incoming.url ?? '');
    if (!isCommentPost || failures === 0) {
      forward(incoming, outgoing);
      return;
    }
    failures -= 1;
    gateway.refused += 1;
    incoming.resume();
    incoming.on('end', () => {
      outgoing.writeHead(503, { 'Content-Type': 'application/json', Connection: 'close' });
      outgoing.end(JSON.stringify({ message: 'The server is restarting' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  gateway.apiUrl = `http://127.0.0.1:${port}${target.pathname}`;
  gateway.failNextPosts = (count) => {
    failures = count;
  };
  gateway.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return gateway;
}
