// The session keeper (src/share/session-keeper.ts) for the components that list and restore saved
// sessions. main.tsx provides it around the App; without it (component tests, the embed) the
// Recent sessions menu is not shown.
import { createContext, useContext } from 'react';
import type { SessionKeeper } from '../../share/session-keeper';

export const SessionKeeperContext = createContext<SessionKeeper | null>(null);

export const useSessionKeeper = (): SessionKeeper | null => useContext(SessionKeeperContext);
