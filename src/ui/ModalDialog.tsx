// The page's one modal primitive: a native <dialog> shown while `open` (useModal: showModal, focus
// back on close). Escape and the element's own close both go through onClose, so React's `open`
// and the element never disagree; a click on the backdrop closes too unless `keepOnBackdrop`.
// Every dialog of the page is one of these: submit, import, export, fork, a confirmation, the
// shortcuts list.
import { type ComponentPropsWithoutRef, type RefObject, useRef } from 'react';
import { useModal } from './use-modal';
import './modal-dialog.css';

type DialogProps = Omit<ComponentPropsWithoutRef<'dialog'>, 'open' | 'onClose' | 'onCancel'>;

export interface ModalDialogProps extends DialogProps {
  open: boolean;
  onClose: () => void;
  /** A form that must not be lost to a stray click outside it. */
  keepOnBackdrop?: boolean;
  /** For callers that need the element too (focus management inside). */
  dialogRef?: RefObject<HTMLDialogElement | null>;
}

export function ModalDialog({
  open,
  onClose,
  keepOnBackdrop = false,
  dialogRef,
  onClick,
  children,
  ...rest
}: ModalDialogProps) {
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

/** A dialog's title row with its × button; `block` is the dialog's CSS block (`<block>__header`, `<block>__close`). */
export function ModalHeader({
  block,
  titleId,
  title,
  onClose,
}: {
  block: string;
  titleId: string;
  title: string;
  onClose: () => void;
}) {
  return (
    <header className={`${block}__header`}>
      <h2 id={titleId}>{title}</h2>
      <button type="button" className={`${block}__close`} aria-label="Close" onClick={onClose}>
        ×
      </button>
    </header>
  );
}
