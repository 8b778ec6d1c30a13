import { cpus, freemem, loadavg, totalmem } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

/** `/config`, `/status`, `/status/resources` (REFERENCE §8): no auth. */
export function registerStatusRoutes(api: FastifyInstance, context: ServerContext): void {
  const open = { config: { auth: 'none' as const } };

  api.get('/config', open, async () => ({
    is_self_hosted: true,
    crisp_token: '',
    dark_theme_by_default: false,
    indexer_configured: false,
    saml_enabled: false,
    saml_idp_name: '',
    oidc_enabled: false,
    oidc_idp_name: '',
    default_locale: 'en_US',
    default_timezone: 'Europe/Paris',
    enforce_2fa: false,
  }));

  api.get('/status', open, async () => ({
    name: 'Zou',
    version: context.version,
    'database-up': isDatabaseUp(context),
    'key-value-store-up': true,
    'event-stream-up': true,
    'job-queue-up': true,
    'indexer-up': false,
  }));

  api.get('/status/resources', open, async () => {
    const [one, five, fifteen] = loadavg();
    const total = totalmem();
    const available = freemem();
    return {
      date: new Date().toISOString(),
      cpu: {
        percent: cpuPercents(),
        loadavg: { 'last 1 min': one, 'last 5 min': five, 'last 10 min': fifteen },
      },
      memory: {
        total,
        used: total - available,
        available,
        percent: Math.round(((total - available) / total) * 1000) / 10,
      },
      jobs: { running_jobs: 0 },
    };
  });
}

function isDatabaseUp(context: ServerContext): boolean {
  try {
    context.db.prepare('SELECT 1').get();
    return true;
  } catch {
    return false;
  }
}

/** Share of non-idle time per core since boot (psutil's first call has no interval either). */
function cpuPercents(): number[] {
  return cpus().map(({ times }) => {
    const total = times.user + times.nice + times.sys + times.idle + times.irq;
    return total === 0 ? 0 : Math.round(((total - times.idle) / total) * 1000) / 10;
  });
}
