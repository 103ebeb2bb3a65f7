// Whether the OS asks for a dark theme, kept current.
import { DARK_SCHEME_QUERY, useMediaQuery } from '../use-media-query';

export function useSystemDark(): boolean {
  return useMediaQuery(DARK_SCHEME_QUERY);
}
