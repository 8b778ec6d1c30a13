import { Secret, TOTP } from 'otpauth';

// pyotp's defaults, which authenticator apps and Zou agree on: SHA1, 6 digits, 30 s steps.
const PERIOD_SECONDS = 30;

/** `pyotp.random_base32()`: 160 random bits as 32 base32 characters. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * `TOTP.provisioning_uri(name=email, issuer_name=…)` written as pyotp writes it (label and
 * query quoted the Python way, spaces as %20, default parameters left out), so that the QR
 * code Kitsu draws is the same.
 */
export function totpProvisioningUri(secret: string, accountName: string, issuer: string): string {
  const label = `${pythonQuote(issuer, '/')}:${pythonQuote(accountName, '/')}`;
  return `otpauth://totp/${label}?secret=${pythonQuote(secret, '')}&issuer=${pythonQuote(issuer, '')}`;
}

/** `pyotp.TOTP(secret).verify(code, valid_window=1)`: the previous, current or next step. */
export function verifyTotp(secret: string | null, code: string, now = Date.now()): boolean {
  if (!secret) return false;
  let totp: TOTP;
  try {
    totp = new TOTP({ secret: Secret.fromBase32(secret), period: PERIOD_SECONDS });
  } catch {
    return false;
  }
  const given = code.normalize('NFKC');
  return [-1, 0, 1].some(
    (step) => totp.generate({ timestamp: now + step * PERIOD_SECONDS * 1000 }) === given,
  );
}

/** `urllib.parse.quote(value, safe)`: everything but letters, digits, `_.-~` and `safe`. */
function pythonQuote(value: string, safe: string): string {
  return Array.from(new TextEncoder().encode(value), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9_.~-]/.test(char) || safe.includes(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}
