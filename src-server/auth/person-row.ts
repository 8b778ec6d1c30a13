/** The person table's row as stored (booleans as 0/1, JSON as text). */
export interface PersonRow {
  id: string;
  created_at: string;
  updated_at: string;
  first_name: string;
  last_name: string;
  email: string | null;
  desktop_login: string | null;
  role: string;
  active: number;
  archived: number;
  is_bot: number;
  is_guest: number;
  password: string | null;
  jti: string | null;
  expiration_date: string | null;
  login_failed_attemps: number | null;
  last_login_failed: string | null;
  totp_enabled: number;
  totp_secret: string | null;
  email_otp_enabled: number;
  fido_enabled: number;
  otp_recovery_codes: string | null;
  preferred_two_factor_authentication: string | null;
  [column: string]: unknown;
}
