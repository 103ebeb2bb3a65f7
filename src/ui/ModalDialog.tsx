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
  /** Where focus goes on close when the element that opened the dialog cannot take it back. */
  returnFocus?: () => HTMLElement | null;
}

/**
 * The control that opens each dialog, by the dialog's test id: where focus returns when the dialog
 * was opened from the keyboard (S, ?) with nothing focused, or its opener is gone.
 */
const OPENERS: Readonly<Record<string, string>> = {
  'submit-dialog': 'open-submit',
  'import-dialog': 'open-import',
  'export-dialog': 'open-export',
  'shortcuts-overlay': 'open-shortcuts',
};

const byTestId = (id: string): HTMLElement | null => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

/**
 * Otherwise (a confirmation, the fork question): the selected thing on the canvas, where the
 * action came from, else the Play button.
 */
function defaultReturnFocus(testId: string | undefined): HTMLElement | null {
  const opener = testId ? OPENERS[testId] : undefined;
  const el = opener ? byTestId(opener) : null;
  if (el && !(el as HTMLButtonElement).disabled) return el;
  return document.querySelector<HTMLElement>('.react-flow [data-selected="true"]') ?? byTestId('play-pause');
}

export function ModalDialog({
  open,
  onClose,
  keepOnBackdrop = false,
  dialogRef,
  returnFocus,
  onClick,
  children,
  ...rest
}: ModalDialogProps) {
  const own = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? own;
  const testId = (rest as { 'data-testid'?: string })['data-testid'];
  useModal(ref, open, returnFocus ?? (() => defaultReturnFocus(testId)));
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
