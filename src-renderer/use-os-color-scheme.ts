import { useEffect, useState } from 'react';

const LIGHT = '(prefers-color-scheme: light)';

/** Dark unless the OS asks for light, and following the OS when it changes. */
export function useOsColorScheme(): 'light' | 'dark' {
  const [scheme, setScheme] = useState<'light' | 'dark'>(() =>
    window.matchMedia(LIGHT).matches ? 'light' : 'dark',
  );
  useEffect(() => {
    const query = window.matchMedia(LIGHT);
    const update = () => setScheme(query.matches ? 'light' : 'dark');
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return scheme;
}
