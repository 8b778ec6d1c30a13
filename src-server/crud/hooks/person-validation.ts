import { badRequest } from '../../http/errors';
import {
  CONTRACT_TYPES,
  DISPLAY_DATE_FORMATS,
  ROLES,
  TWO_FACTOR_TYPES,
} from '../../models/registry';
import { formatDate } from '../../db/time';
import type { Data } from '../rows';

/** `normalize_country`: ISO 3166-1 alpha-2, uppercased; blank means none. */
function normalizeCountry(value: unknown): { valid: boolean; value: string | null } {
  if (value === null || value === undefined) return { valid: true, value: null };
  if (typeof value !== 'string') return { valid: false, value: null };
  const normalized = value.trim().toUpperCase();
  if (normalized === '') return { valid: true, value: null };
  return /^[A-Z]{2}$/.test(normalized)
    ? { valid: true, value: normalized }
    : { valid: false, value: null };
}

// Babel's Locale.parse: a language, then optional script and territory, joined by "_".
const LOCALE = /^[a-z]{2,3}(?:_[a-z]{4})?(?:_(?:[a-z]{2}|\d{3}))?$/i;

/** `normalize_locale`: a Babel locale name of at most 10 characters; blank means none. */
function normalizeLocale(value: unknown): { valid: boolean; value: string | null } {
  if (value === null || value === undefined) return { valid: true, value: null };
  if (typeof value !== 'string') return { valid: false, value: null };
  const normalized = value.trim();
  if (normalized === '') return { valid: true, value: null };
  if (normalized.length > 10 || !LOCALE.test(normalized)) return { valid: false, value: null };
  return { valid: true, value: normalized };
}

/** The checks POST and PUT /data/persons share (`check_creation_integrity`, `update_data`). */
export function validatePersonFields(data: Data): void {
  if ('role' in data && !(ROLES as readonly unknown[]).includes(data.role)) {
    throw badRequest('Invalid role');
  }
  if (
    'contract_type' in data &&
    !(CONTRACT_TYPES as readonly unknown[]).includes(data.contract_type)
  ) {
    throw badRequest('Invalid contract_type');
  }
  const country = normalizeCountry(data.country);
  if (!country.valid) {
    throw badRequest('Invalid country code, expected an ISO 3166-1 alpha-2 code.');
  }
  if ('country' in data) data.country = country.value;
  const locale = normalizeLocale(data.locale);
  if (!locale.valid) {
    throw badRequest(
      'Invalid locale, expected a name available in Python Babel (e.g. en_US, fr_FR).',
    );
  }
  if ('locale' in data) data.locale = locale.value;
  const dateFormat = data.display_date_format;
  if (
    dateFormat !== undefined &&
    dateFormat !== null &&
    !(DISPLAY_DATE_FORMATS as readonly unknown[]).includes(dateFormat)
  ) {
    throw badRequest(
      `Invalid display_date_format, expected one of: ${DISPLAY_DATE_FORMATS.join(', ')}.`,
    );
  }
  if (
    'two_factor_authentication' in data &&
    !(TWO_FACTOR_TYPES as readonly unknown[]).includes(data.two_factor_authentication)
  ) {
    throw badRequest('Invalid two_factor_authentication');
  }
}

/**
 * An expiration date in `YYYY-MM-DD` that is not in the past. On update, re-sending the
 * current (possibly past) date stays allowed so that expired accounts remain editable.
 */
export function validateExpirationDate(data: Data, current?: string | null): void {
  const value = data.expiration_date;
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw badRequest('Expiration date is not valid.');
  }
  const day = value.slice(0, 10);
  if (Number.isNaN(new Date(`${day}T00:00:00Z`).getTime())) {
    throw badRequest('Expiration date is not valid.');
  }
  if (day !== current && day < formatDate(new Date())) {
    throw badRequest("Expiration date can't be in the past.");
  }
}

/**
 * `auth.validate_email` (email_validator) in its common cases, returning the address as Zou
 * stores it: EmailType lowercases it.
 */
export function normalizeEmail(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('The email address is not valid.');
  const email = value.trim();
  const at = email.lastIndexOf('@');
  if (at === -1) throw badRequest('An email address must have an @-sign.');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local === '') throw badRequest('There must be something before the @-sign.');
  if (domain === '') throw badRequest('There must be something after the @-sign.');
  if (local.includes('@') || /\s/.test(local)) {
    throw badRequest('The email address contains invalid characters before the @-sign.');
  }
  if (!domain.includes('.')) {
    throw badRequest('The part after the @-sign is not valid. It should have a period.');
  }
  if (!/^[\p{L}\p{N}.-]+$/u.test(domain) || domain.startsWith('.') || domain.endsWith('.')) {
    throw badRequest('The part after the @-sign contains invalid characters.');
  }
  return email.toLowerCase();
}
