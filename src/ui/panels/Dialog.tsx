// A modal dialog on the native <dialog> element: showModal() gives the focus trap, the inert page
// behind it and Escape for free; React state decides whether it is shown (mounted = open).
import { type ReactNode, useEffect, useId, useRef } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Extra buttons next to Close; Close is omitted when `footer` is given (it brings its own). */
  footer?: ReactNode;
}

export function Dialog({ title, onClose, children, className, testId, footer }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The latest onClose, so the mount effect below need not re-run (and re-open) when it changes.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // Back to where the user was (the button that opened it), if that is still on the page.
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`panel-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        // Escape: let React unmount it, rather than the browser closing it behind React's back.
        e.preventDefault();
        onCloseRef.current();
      }}
      onClick={(e) => {
        // A click on the dialog element itself (not its content) is a click on the backdrop.
        if (e.target === e.currentTarget) onCloseRef.current();
      }}
    >
      <div className="panel-dialog-body">
        <h2 id={titleId} className="panel-dialog-title">
          {title}
        </h2>
        {children}
        <div className="panel-dialog-actions">
          {footer ?? (
            <button type="button" onClick={() => onCloseRef.current()}>
              Close
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}

interface ConfirmProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Spark's "Are you sure…?" before a kill, as a modal instead of window.confirm (which blocks the page). */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel }: ConfirmProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      testId="confirm-dialog"
      footer={
        <>
          {/* Cancel first and focused: Enter on a stray key press must not kill anything. */}
          <button type="button" autoFocus onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="danger" data-testid="confirm-kill" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </Dialog>
  );
}
