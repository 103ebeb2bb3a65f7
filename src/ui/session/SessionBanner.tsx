// What happened to a link, a restore or the saved sessions (src/share/session-keeper.ts sets it):
// the sentence, the buttons that answer it ("Back to my own session", what to do when another tab
// saved the same session), and Dismiss.
import { usePlayground } from '../PlaygroundProvider';
import type { KeyValueStore } from '../../share/autosave';

/** `storage` is no longer read (the keeper puts its answers in the banner's actions); App still passes it. */
export function SessionBanner(_props: { storage?: KeyValueStore | null }) {
  const banner = usePlayground((s) => s.banner);
  const setBanner = usePlayground((s) => s.setBanner);
  if (!banner) return null;
  return (
    <div
      className={`session-banner session-banner--${banner.tone}`}
      role={banner.tone === 'error' ? 'alert' : 'status'}
      data-testid="session-banner"
    >
      <p>{banner.text}</p>
      {banner.actions?.map((action) => (
        <button key={action.testId} type="button" data-testid={action.testId} onClick={() => action.run()}>
          {action.label}
        </button>
      ))}
      <button type="button" aria-label="Dismiss" onClick={() => setBanner(null)}>
        ×
      </button>
    </div>
  );
}
