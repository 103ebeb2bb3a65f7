// The chosen theme on <html data-theme> (styles.css keys on it), with "system" resolved from the OS.
import { useEffect } from 'react';
import { usePlayground } from '../PlaygroundProvider';
import { resolveTheme } from '../shortcuts/shortcuts';
import { useSystemDark } from './use-system-dark';

/** Call it once, at the page's root, so the theme applies whether or not ThemeSwitch is shown. */
export function useAppliedTheme(): void {
  const theme = usePlayground((s) => s.theme);
  const systemDark = useSystemDark();
  useEffect(() => {
    document.documentElement.dataset.theme = resolveTheme(theme, systemDark);
  }, [theme, systemDark]);
}
