// The theme switch of the header: light, dark or the OS's choice.
import { useId } from 'react';
import { usePlayground } from '../PlaygroundProvider';
import type { Theme } from '../store';
import './header.css';

const THEMES: { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

/** Light / dark / system as a native radio group (arrow keys move between them). */
export function ThemeSwitch() {
  const theme = usePlayground((s) => s.theme);
  const setTheme = usePlayground((s) => s.setTheme);
  const name = useId();
  return (
    <fieldset className="segmented" data-testid="theme-switch">
      <legend className="visually-hidden">Theme</legend>
      {THEMES.map((t) => (
        <label key={t.value} className="segmented-option" title={`${t.label} theme (D toggles light and dark)`}>
          <input
            type="radio"
            name={name}
            value={t.value}
            checked={theme === t.value}
            onChange={() => setTheme(t.value)}
          />
          <span>{t.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
