// The Share button: the whole session as a link (copied to the clipboard and put in the address
// bar). A link too long for chat apps comes with the advice to download the scenario file instead;
// a link longer than the page itself accepts (MAX_LINK_CHARS) is not made at all, and the
// popover under the button offers Export instead.
import { lazy, Suspense, useRef, useState } from 'react';
import type { Scenario } from '../../engine/public';
import { useController, usePlayground } from '../PlaygroundProvider';
import { encodeSession, LONG_LINK_CHARS, MAX_LINK_CHARS } from '../../share/codec';
import { useKeepInView } from './keep-in-view';
import './session.css';

const ExportDialog = lazy(() => import('../interop/ExportDialog').then((m) => ({ default: m.ExportDialog })));

/** Why a link was not made, and the scenario the Export button would open. */
interface Refusal {
  text: string;
  scenario: Scenario;
}

export function ShareButton() {
  const controller = useController();
  const ready = usePlayground((s) => s.status === 'ready');
  const notify = usePlayground((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const popover = useRef<HTMLDivElement>(null);
  useKeepInView(popover, refusal !== null);
  const [exporting, setExporting] = useState<Scenario | null>(null);

  const share = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const session = await controller.session();
      if (!session) return;
      const fragment = await encodeSession(session);
      if (fragment.length > MAX_LINK_CHARS) {
        // The page would refuse this link when it is opened: no one should get it.
        setRefusal({
          text: `This session makes a link of ${fragment.length.toLocaleString('en')} characters, longer than the ${MAX_LINK_CHARS.toLocaleString('en')} a link may have, so no link was made. Export it as a file instead.`,
          scenario: session.scenario as Scenario,
        });
        return;
      }
      const url = `${location.origin}${location.pathname}${location.search}#${fragment}`;
      history.replaceState(null, '', `#${fragment}`);
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        // No clipboard permission (or an insecure origin): the link is in the address bar.
      }
      const where = copied ? 'Link copied' : 'The link is in the address bar';
      if (fragment.length > LONG_LINK_CHARS) {
        notify(
          'info',
          `${where} (${url.length.toLocaleString('en')} characters). Links this long may be cut by chat apps and mail; Export → Download scenario JSON is safer.`,
        );
      } else {
        notify(
          'info',
          `${where} (${url.length.toLocaleString('en')} characters): it replays this session exactly, to ${session.playhead.toLocaleString('en')} ms.`,
        );
      }
    } catch (err) {
      notify('error', `The link could not be made: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="share-anchor">
      <button
        type="button"
        data-testid="share"
        disabled={!ready || busy}
        onClick={() => void share()}
        title="Copy a link to this exact session"
      >
        Share
      </button>
      {refusal && (
        <div ref={popover} className="share-popover" role="alert" data-testid="share-refused">
          <p>{refusal.text}</p>
          <div className="share-popover-actions">
            <button
              type="button"
              className="primary"
              data-testid="share-export"
              onClick={() => {
                setExporting(refusal.scenario);
                setRefusal(null);
              }}
            >
              Export…
            </button>
            <button type="button" data-testid="share-refused-close" onClick={() => setRefusal(null)}>
              Close
            </button>
          </div>
        </div>
      )}
      <Suspense fallback={null}>
        {exporting && <ExportDialog open onClose={() => setExporting(null)} scenario={exporting} />}
      </Suspense>
    </span>
  );
}
