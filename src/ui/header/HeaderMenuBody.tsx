// The More menu's contents (HeaderMenu.tsx is the button and the popover): the message toggles,
// the theme, Import and Export, the guided start. A chunk of its own, mounted the first time the
// menu opens, so none of it is in the page's entry script. The Import and Export dialogs are
// rendered into the page's body: a menu that closes must not hide an open dialog.
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useImportExport } from '../ImportExport';
import { MessageToggles } from './MessageToggles';
import { ThemeSwitch } from './ThemeSwitch';

export interface HeaderMenuBodyProps {
  /** A command that opens a dialog: the menu closes first, so the dialog gives the focus back to its button. */
  run: (command: () => void) => () => void;
  onGuidedStart?: () => void;
  /** The menu opened before this arrived: where the focus goes then (its first control). */
  focusFirst: () => void;
}

export function HeaderMenuBody({ run, onGuidedStart, focusFirst }: HeaderMenuBodyProps) {
  const io = useImportExport();
  const focus = useRef(focusFirst);
  // Mounted because the menu opened: the focus its opening asked for could not land before now.
  useEffect(() => focus.current(), []);
  return (
    <>
      <section className="header-menu-section">
        <h3>On the canvas</h3>
        <MessageToggles />
      </section>
      <section className="header-menu-section">
        <h3>Theme</h3>
        <ThemeSwitch />
      </section>
      <section className="header-menu-section">
        <h3>Scenario file</h3>
        <div className="header-menu-row">
          <button type="button" data-testid="open-import" onClick={run(io.openImport)}>
            Import…
          </button>
          <button
            type="button"
            data-testid="open-export"
            disabled={!io.ready}
            onClick={run(() => void io.openExport())}
          >
            Export…
          </button>
        </div>
      </section>
      {onGuidedStart && (
        <section className="header-menu-section">
          <h3>Help</h3>
          <button type="button" data-testid="open-guided-start" onClick={run(onGuidedStart)}>
            Guided start
          </button>
        </section>
      )}
      {createPortal(io.dialogs, document.body)}
    </>
  );
}
