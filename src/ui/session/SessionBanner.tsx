// What happened to the link the page was opened with: opened (the user's own session is kept and
// can be brought back), or refused with the reason (the user's own session was restored instead).
import { useController, usePlayground } from '../PlaygroundProvider';
import { type KeyValueStore, loadPreviousSession } from '../../share/autosave';

export function SessionBanner({ storage }: { storage: KeyValueStore | null }) {
  const controller = useController();
  const banner = usePlayground((s) => s.banner);
  const setBanner = usePlayground((s) => s.setBanner);
  if (!banner) return null;
  const previous = banner.offerPrevious && storage ? loadPreviousSession(storage) : null;
  return (
    <div
      className={`session-banner session-banner--${banner.tone}`}
      role={banner.tone === 'error' ? 'alert' : 'status'}
      data-testid="session-banner"
    >
      <p>{banner.text}</p>
      {previous && (
        <button
          type="button"
          data-testid="restore-previous"
          onClick={() => {
            setBanner(null);
            history.replaceState(null, '', location.pathname + location.search);
            void controller.openSession(previous);
          }}
        >
          Back to my own session
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={() => setBanner(null)}>
        ×
      </button>
    </div>
  );
}
