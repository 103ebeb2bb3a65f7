// The page's modal: a native <dialog> shown while `open` (useModal: showModal, focus back on
// close). Escape and the element's own close both go through onClose, so React's `open` and the
// element never disagree; a click on the backdrop closes too unless `keepOnBackdrop`.
import { type ComponentPropsWithoutRef, type RefObject, useRef } from 'react';
import { useModal } from './use-modal';

type DialogProps = Omit<ComponentPropsWithoutRef<'dialog'>, 'open' | 'onClose' | 'onCancel'>;

export interface ModalDialogProps extends DialogProps {
  open: boolean;
  onClose: () => void;
  /** A form that must not be lost to a stray click outside it. */
  keepOnBackdrop?: boolean;
  /** For callers that need the element too (focus management inside). */
  dialogRef?: RefObject<HTMLDialogElement | null>;
}

export function ModalDialog({ open, onClose, keepOnBackdrop = false, dialogRef, onClick, children, ...rest }: ModalDialogProps) {
  const own = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? own;
  useModal(ref, open);
  return (
    <dialog
      {...rest}
      ref={ref}
      onCancel={(e) => {
        // Escape: the owner closes it through `open`.
        e.preventDefault();
        onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
      onClick={(e) => {
        // A click on the dialog element itself, outside its content, is a click on the backdrop.
        if (!keepOnBackdrop && e.target === e.currentTarget) onClose();
        onClick?.(e);
      }}
    >
      {children}
    </dialog>
  );
}
