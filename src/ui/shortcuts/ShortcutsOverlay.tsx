// The list of keyboard shortcuts ("?"), from the table the key handler reads and its words, as the page's
// modal (ModalDialog), mounted while helpOpen.
import { useId } from 'react';
import { ModalDialog } from '../ModalDialog';
import { usePlayground } from '../PlaygroundProvider';
import { SHORTCUT_HELP } from './shortcut-help';
import { SHORTCUTS } from './shortcuts';
import './shortcuts.css';

const Keys = ({ labels }: { labels: readonly string[] }) => (
  <>
    {labels.map((k, i) => (
      <span key={k}>
        {i > 0 && <span className="muted"> or </span>}
        <kbd>{k}</kbd>
      </span>
    ))}
  </>
);

export function ShortcutsOverlay() {
  const open = usePlayground((s) => s.helpOpen);
  const setHelpOpen = usePlayground((s) => s.setHelpOpen);
  const titleId = useId();
  if (!open) return null;
  const close = () => setHelpOpen(false);
  return (
    <ModalDialog
      open
      onClose={close}
      className="panel-dialog shortcuts-dialog"
      aria-labelledby={titleId}
      data-testid="shortcuts-overlay"
    >
      <div className="panel-dialog-body">
        <h2 id={titleId} className="panel-dialog-title">
          Keyboard shortcuts
        </h2>
        <table className="shortcuts-table">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.command}>
                <td>
                  <Keys labels={SHORTCUT_HELP[s.command].labels} />
                </td>
                <td>{SHORTCUT_HELP[s.command].description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="shortcuts-subhead">In the timeline, menus and lists</h3>
        <table className="shortcuts-table">
          <tbody>
            <tr>
              <td>
                <Keys labels={['←', '→']} />
              </td>
              <td>Timeline: one second back or forward</td>
            </tr>
            <tr>
              <td>
                <Keys labels={['Page Up', 'Page Down']} />
              </td>
              <td>Timeline: ten seconds</td>
            </tr>
            <tr>
              <td>
                <Keys labels={['Home', 'End']} />
              </td>
              <td>Timeline: start or end</td>
            </tr>
            <tr>
              <td>
                <Keys labels={['↑', '↓']} />
              </td>
              <td>Menu and event log: previous or next item</td>
            </tr>
            <tr>
              <td>
                <Keys labels={['Enter']} />
              </td>
              <td>Menu: apply the item; event log: go to the line</td>
            </tr>
          </tbody>
        </table>
        <p className="muted">Shortcuts are off while you type in a field or a dialog is open.</p>
        <div className="panel-dialog-actions">
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
