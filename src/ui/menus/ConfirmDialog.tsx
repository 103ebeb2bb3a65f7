// Spark's "Are you sure…?" before a kill, as the page's modal (ModalDialog) instead of
// window.confirm, which blocks the page. Mounted while it asks.
import { useId } from 'react';
import { ModalDialog } from '../ModalDialog';

interface ConfirmProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel }: ConfirmProps) {
  const titleId = useId();
  return (
    <ModalDialog
      open
      onClose={onCancel}
      className="panel-dialog"
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
    >
      <div className="panel-dialog-body">
        <h2 id={titleId} className="panel-dialog-title">
          {title}
        </h2>
        <p>{message}</p>
        <div className="panel-dialog-actions">
          {/* Cancel first and focused: Enter on a stray key press must not kill anything. */}
          <button type="button" autoFocus onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="danger" data-testid="confirm-kill" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
