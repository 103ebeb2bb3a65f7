// The Share button: the whole session as a link (copied to the clipboard and put in the address
// bar). A link too long for chat apps comes with the advice to download the scenario file instead.
import { useState } from 'react';
import { useController, usePlayground } from '../PlaygroundProvider';
import { encodeSession, LONG_LINK_CHARS } from '../../share/codec';

export function ShareButton() {
  const controller = useController();
  const ready = usePlayground((s) => s.status === 'ready');
  const notify = usePlayground((s) => s.notify);
  const [busy, setBusy] = useState(false);

  const share = async () => {
    setBusy(true);
    try {
      const session = await controller.session();
      if (!session) return;
      const fragment = await encodeSession(session);
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
    <button
      type="button"
      data-testid="share"
      disabled={!ready || busy}
      onClick={() => void share()}
      title="Copy a link to this exact session"
    >
      Share
    </button>
  );
}
