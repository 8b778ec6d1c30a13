import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { modelByTable } from '../models/registry';
import { serializeRow, type Json, type Row } from '../models/serialize';

/** Chat credentials only admins may read (models/organisation.py SENSITIVE_FIELDS). */
const ORGANISATION_SECRETS = ['chat_token_slack', 'chat_webhook_mattermost', 'chat_token_discord'];

/** The single organisation row; Zou creates "Kitsu" on first read when there is none. */
export function organisationRow(db: Db): Row {
  const existing = db.prepare('SELECT * FROM organisation ORDER BY created_at LIMIT 1').get() as
    Row | undefined;
  if (existing) return existing;
  const now = nowDateTime();
  const id = newId();
  db.prepare(
    'INSERT INTO organisation (id, created_at, updated_at, name, hours_by_day) VALUES (?, ?, ?, ?, 8)',
  ).run(id, now, now, 'Kitsu');
  return db.prepare('SELECT * FROM organisation WHERE id = ?').get(id) as Row;
}

/**
 * `persons_service.get_organisation(sensitive)`: `present()` for admins, `present_minimal()`
 * (chat tokens stripped) for everybody else.
 */
export function organisationView(db: Db, sensitive: boolean): Json {
  const model = modelByTable('organisation');
  if (!model) throw new Error('The organisation model is missing from the registry');
  const organisation = serializeRow(model, organisationRow(db));
  if (!sensitive) for (const key of ORGANISATION_SECRETS) delete organisation[key];
  return organisation;
}
