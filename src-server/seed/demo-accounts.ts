export const DEMO_PASSWORD = 'shotdesk-demo';

export type DemoRole = 'admin' | 'manager' | 'supervisor' | 'user' | 'client' | 'vendor';

export interface DemoAccount {
  email: string;
  role: DemoRole;
  firstName: string;
  lastName: string;
  fullName: string;
  /** null: the desktop login is the OS user name of the machine that seeds the demo. */
  desktopLogin: string | null;
  departments: readonly string[];
  position: 'supervisor' | 'lead' | 'artist';
  seniority: 'senior' | 'mid' | 'junior';
}

function account(
  firstName: string,
  lastName: string,
  role: DemoRole,
  fields: Partial<Pick<DemoAccount, 'email' | 'desktopLogin' | 'departments' | 'position'>> &
    Pick<DemoAccount, 'seniority'>,
): DemoAccount {
  const login = `${firstName}.${lastName}`.toLowerCase();
  return {
    email: fields.email ?? `${login}@example.com`,
    role,
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    desktopLogin: fields.desktopLogin === undefined ? login : fields.desktopLogin,
    departments: fields.departments ?? [],
    position: fields.position ?? 'artist',
    seniority: fields.seniority,
  };
}

export const DEMO_ARTIST_EMAIL = 'jordan.reyes@example.com';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account('Avery', 'Brooks', 'admin', {
    email: 'admin@example.com',
    position: 'supervisor',
    seniority: 'senior',
  }),
  account('Priya', 'Raman', 'manager', { position: 'supervisor', seniority: 'senior' }),
  account('Tom', 'Becker', 'supervisor', {
    departments: ['Animation', 'Layout'],
    position: 'supervisor',
    seniority: 'senior',
  }),
  account('Jordan', 'Reyes', 'user', {
    desktopLogin: null,
    departments: ['Layout', 'Animation'],
    seniority: 'mid',
  }),
  account('Mia', 'Chen', 'user', {
    departments: ['Modeling'],
    position: 'lead',
    seniority: 'senior',
  }),
  account('Leo', 'Martins', 'user', { departments: ['Animation'], seniority: 'mid' }),
  account('Nora', 'Quinn', 'user', { departments: ['Concept'], seniority: 'mid' }),
  account('Sofia', 'Alvarez', 'user', { departments: ['Compositing'], seniority: 'junior' }),
  account('Grace', 'Holloway', 'client', { seniority: 'senior' }),
  account('Ravi', 'Patel', 'vendor', { departments: ['Compositing'], seniority: 'mid' }),
];
