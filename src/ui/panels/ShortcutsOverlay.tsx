// The list of keyboard shortcuts ("?"), from the same table the key handler reads, as a modal.
import { usePlayground } from '../store';
import { Dialog } from './Dialog';
import { SHORTCUTS } from './shortcuts';

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
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => setHelpOpen(false)} className="shortcuts-dialog" testId="shortcuts-overlay">
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
                <Keys labels={s.labels} />
              </td>
              <td>{s.description}</td>
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
    </Dialog>
  );
}
