/** What the login form says for each of Kitsu's answers: what happened and what to do. */
export const LOGIN_MESSAGES = {
  wrongCredentials:
    'Wrong email, desktop ID or password. Check them and try again (several failed tries lock the account for a while).',
  lockedOut:
    'Too many failed login attempts: this account is locked for now. Wait a minute, then try again with the right password.',
  inactive:
    'This account is deactivated. Ask your production manager or Kitsu admin to reactivate it.',
  otpRequired:
    'This account uses two-factor authentication. Enter the code from your authenticator app, or one of your recovery codes.',
  wrongOtp:
    'That code is wrong or has expired. Enter the current code from your authenticator app, or a recovery code.',
  defaultPassword:
    'This account still has its default password. Set a new one on the Kitsu web page, then log in here.',
  twoFactorSetup:
    'Your studio requires two-factor authentication. Set it up on the Kitsu web page, then log in here.',
  noStrategy: 'This Kitsu server has no login method configured. Tell your studio’s Kitsu admin.',
} as const;
