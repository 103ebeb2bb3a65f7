// The Share button: the whole session as a link (copied to the clipboard and put in the address
// bar). A link too long for chat apps comes with the advice to download the scenario file instead;
// a link longer than the page itself accepts (MAX_LINK_CHARS) is not made at all, and the
// popover under the button offers Export instead (ShareRefusal.tsx). The link itself is made by
// share-link.ts; both are loaded when first needed.
import { lazy, useState } from 'react';
import { MountedOnce } from '../LazyPart';
import { useController, usePlayground } from '../PlaygroundProvider';
import type { Refusal } from './share-link';
import './session.css';

const ShareRefusal = lazy(() => import('./ShareRefusal').then((m) => ({ default: m.ShareRefusal })));

export function ShareButton() {
  const controller = useController();
  const ready = usePlayground((s) => s.status === 'ready');
  const notify = usePlayground((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const share = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const session = await controller.session();
      if (!session) return;
      const { shareSession } = await import('./share-link');
      const refused = await shareSession(session, notify);
      if (refused) setRefusal(refused);
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
      <MountedOnce when={refusal !== null} what="Why no link was made">
        <ShareRefusal refusal={refusal} onClose={() => setRefusal(null)} />
      </MountedOnce>
    </span>
  );
}
