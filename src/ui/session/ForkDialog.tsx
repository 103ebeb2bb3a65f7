// The fork question: an action applied behind the horizon rewrites what happens next. The user
// discards the old future, keeps it as a branch to switch back to, or cancels.
import { formatSimTime } from '../format';
import { useController, usePlayground } from '../PlaygroundProvider';
import { ModalDialog } from '../ModalDialog';
import './session.css';

export function ForkDialog() {
  const controller = useController();
  const prompt = usePlayground((s) => s.forkPrompt);

  return (
    <ModalDialog
      open={prompt !== null}
      // Escape or closing it some other way answers "cancel"; the store then closes it.
      onClose={() => controller.resolveFork('cancel')}
      keepOnBackdrop
      className="fork-dialog"
      data-testid="fork-dialog"
      aria-labelledby="fork-title"
    >
      {prompt && (
        <>
          <h2 id="fork-title">Change the past?</h2>
          <p>
            This session has run to <strong>{formatSimTime(prompt.horizon)}</strong>; the playhead is at{' '}
            <strong>{formatSimTime(prompt.at)}</strong>. Applying <code>{prompt.action}</code> here starts a new future
            from this moment, and the actions recorded after it are left out of it.
          </p>
          <div className="fork-actions">
            <button
              type="button"
              className="primary"
              data-testid="fork-branch"
              onClick={() => controller.resolveFork('branch')}
            >
              Keep the old future as a branch
            </button>
            <button type="button" data-testid="fork-discard" onClick={() => controller.resolveFork('discard')}>
              Discard the old future
            </button>
            <button type="button" data-testid="fork-cancel" onClick={() => controller.resolveFork('cancel')}>
              Cancel
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
