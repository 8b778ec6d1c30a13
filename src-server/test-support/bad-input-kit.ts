import type { TestServer } from './test-server';

/** How many rows each table holds: a refused request must leave every count as it was. */
export function tableCounts(
  server: Pick<TestServer, 'context'>,
  ignored: readonly string[] = [],
): Record<string, number> {
  const { db } = server.context;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables
      .filter(({ name }) => !ignored.includes(name))
      .map(({ name }) => [
        name,
        (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
  );
}

/** A request with a raw body, as a broken client sends it; the answer's JSON, else its text. */
export async function sendRaw(
  server: Pick<TestServer, 'baseUrl'>,
  token: string,
  method: string,
  path: string,
  raw?: string,
  contentType?: string,
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (raw !== undefined) headers['content-type'] = contentType ?? 'application/json';
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body: raw });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the text is kept for the report.
  }
  return { status: response.status, body };
}

export interface BadInputCase {
  label: string;
  run(): Promise<{ status: number; body: any }>;
  /** Input that may also be accepted (a 2xx is then fine, a 5xx never). */
  mayPass?: boolean;
}

/**
 * Runs every case and answers the ones that did not get a 4xx in Kitsu's error shape, and
 * whether any table changed (events aside): a refused request leaves nothing behind.
 */
export async function refusalsOf(
  server: Pick<TestServer, 'context'>,
  cases: readonly BadInputCase[],
): Promise<{ failures: string[]; changedTables: string[] }> {
  const failures: string[] = [];
  const before = tableCounts(server, ['api_event']);
  for (const testCase of cases) {
    const result = await testCase.run();
    if (testCase.mayPass && result.status < 300) continue;
    const ok =
      result.status >= 400 &&
      result.status < 500 &&
      typeof result.body === 'object' &&
      ['message', 'error'].some((key) => key in result.body);
    if (!ok) failures.push(`${testCase.label} → ${result.status} ${JSON.stringify(result.body)}`);
  }
  const after = tableCounts(server, ['api_event']);
  const changedTables = Object.keys(after).filter((name) => after[name] !== before[name]);
  return { failures, changedTables };
}
