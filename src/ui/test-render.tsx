// For component tests: server-renders an element inside a PlaygroundProvider whose store starts
// from `state` (a server render reads the store's initial state) and whose controller records
// every call, so a test can check both what a component shows and what it would ask for.
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Controller } from './controller-api';
import { PlaygroundProvider } from './PlaygroundProvider';
import { createPlaygroundStore, type PlaygroundState, type PlaygroundStore } from './store';

export interface Rendered {
  html: string;
  store: PlaygroundStore;
  calls: { method: string; args: unknown[] }[];
}

export function renderWithStore(element: ReactElement, state: Partial<PlaygroundState> = {}): Rendered {
  const store = createPlaygroundStore(state);
  const calls: Rendered['calls'] = [];
  const controller = new Proxy({} as Controller, {
    get:
      (_, method) =>
      (...args: unknown[]) => {
        calls.push({ method: String(method), args });
        return Promise.resolve(method === 'apply' ? { ok: true } : undefined);
      },
  });
  const html = renderToStaticMarkup(
    <PlaygroundProvider store={store} controller={controller}>
      {element}
    </PlaygroundProvider>,
  );
  return { html, store, calls };
}
