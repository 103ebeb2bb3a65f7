// The shortcuts list is the page's ModalDialog, mounted only while the store's helpOpen is set,
// listing every row of the SHORTCUTS table; ConfirmDialog is the same primitive.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../menus/ConfirmDialog';
import { renderWithStore } from '../test-render';
import { SHORTCUT_HELP } from './shortcut-help';
import { SHORTCUTS } from './shortcuts';
import { ShortcutsOverlay } from './ShortcutsOverlay';

const noop = () => {};

describe('ShortcutsOverlay', () => {
  it('renders nothing while help is closed', () => {
    expect(renderWithStore(<ShortcutsOverlay />, { helpOpen: false }).html).toBe('');
  });

  it('is a labelled dialog listing every shortcut, with a Close button', () => {
    const { html } = renderWithStore(<ShortcutsOverlay />, { helpOpen: true });
    expect(html).toMatch(
      /^<dialog class="panel-dialog shortcuts-dialog" aria-labelledby="([^"]+)" data-testid="shortcuts-overlay">/,
    );
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<h2 id="${labelledBy}" class="panel-dialog-title">Keyboard shortcuts</h2>`);
    for (const s of SHORTCUTS) expect(html).toContain(`<td>${SHORTCUT_HELP[s.command].description}</td>`);
    expect(html).toMatch(
      /<div class="panel-dialog-actions"><button type="button">Close<\/button><\/div><\/div><\/dialog>$/,
    );
  });
});

describe('ConfirmDialog', () => {
  it('asks with Cancel first and the kill button after it', () => {
    const html = renderToStaticMarkup(
      <ConfirmDialog
        title="Kill driver"
        message="Are you sure you want to kill driver driver-1 ?"
        confirmLabel="Kill"
        onConfirm={noop}
        onCancel={noop}
      />,
    );
    expect(html).toMatch(/^<dialog class="panel-dialog" aria-labelledby="[^"]+" data-testid="confirm-dialog">/);
    expect(html).toContain('<p>Are you sure you want to kill driver driver-1 ?</p>');
    expect(html).toMatch(
      /<button type="button" autofocus="">Cancel<\/button><button type="button" class="danger" data-testid="confirm-kill">Kill<\/button>/,
    );
  });
});
