// A driver or executor on its machine: a small card (full size) or chip (compact clusters), in its
// application's colour, that selects on click and opens the fault menu on right-click or from the
// keyboard. Cards animate in, between states and out; chips do not (hundreds of them would cost).
import { m as motion } from 'framer-motion';
import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { ProcessCardView } from '../../engine/public';
import { appColor } from '../colors';
import { processAriaLabel } from './node-text';
import { useNodeActions } from './use-node-actions';
import { processResources } from './worker-resources';

interface ProcessCardProps {
  proc: ProcessCardView;
  highlighted: boolean;
}

// Frames carry fresh objects for a changed node: compare by value so unchanged cards skip rendering.
function sameCard(a: ProcessCardProps, b: ProcessCardProps): boolean {
  const p = a.proc;
  const q = b.proc;
  return (
    a.highlighted === b.highlighted &&
    p.id === q.id &&
    p.kind === q.kind &&
    p.label === q.label &&
    p.appId === q.appId &&
    p.state === q.state &&
    p.cores === q.cores &&
    p.memoryMb === q.memoryMb &&
    p.exitCode === q.exitCode &&
    p.ended === q.ended
  );
}

function cardClass(base: string, proc: ProcessCardView, highlighted: boolean): string {
  let c = `${base} ${base}--${proc.kind}`;
  if (proc.ended) c += ` ${base}--ended`;
  if (highlighted) c += ` ${base}--selected`;
  return c;
}

/** What a card and a chip share: the class list, the app's colour, the test ids, the button role and the actions. */
function useProcessAttributes(base: 'pcard' | 'pchip', proc: ProcessCardView, highlighted: boolean) {
  const actions = useNodeActions({ kind: proc.kind, id: proc.id });
  return {
    className: cardClass(base, proc, highlighted),
    style: { '--app-color': appColor(proc.appId) } as CSSProperties,
    'data-testid': `proc-${proc.id}`,
    'data-state': proc.state,
    'data-kind': proc.kind,
    'data-selected': highlighted || undefined,
    role: 'button',
    tabIndex: 0,
    'aria-current': highlighted || undefined,
    ...actions,
  };
}

/** The badge letter: D for a driver, E for an executor. */
const kindLetter = (proc: ProcessCardView) => (proc.kind === 'driver' ? 'D' : 'E');

export const ProcessCard = memo(function ProcessCard({ proc, highlighted }: ProcessCardProps) {
  const attributes = useProcessAttributes('pcard', proc, highlighted);
  const resources = processResources(proc);
  return (
    <motion.div
      layout="position"
      initial={{ opacity: 0, scale: 0.85 }}
      animate={{ opacity: proc.ended ? 0.6 : 1, scale: 1 }}
      exit={{ opacity: 0, scale: 0.85 }}
      transition={{ duration: 0.22 }}
      {...attributes}
      title={proc.appId ?? undefined}
    >
      {/* The accessible name is the visible text plus the words the badge and colour stand for. */}
      <span className="pcard-kind" aria-hidden="true">
        {kindLetter(proc)}
      </span>
      <span className="visually-hidden">{proc.kind === 'driver' ? 'Driver ' : 'Executor '}</span>
      <span className="pcard-label">{proc.label}</span>
      <motion.span
        key={proc.state}
        className={`pcard-state state-${proc.state}`}
        initial={{ opacity: 0.2 }}
        animate={{ opacity: 1 }}
      >
        {proc.state}
      </motion.span>
      {(resources || proc.exitCode !== null) && (
        <span className="pcard-res">
          {resources}
          {proc.exitCode !== null && (
            <span className={proc.exitCode === 0 ? 'pcard-exit pcard-exit--ok' : 'pcard-exit'}>
              {' '}
              exit {proc.exitCode}
            </span>
          )}
        </span>
      )}
      {proc.appId && <span className="visually-hidden">, of {proc.appId}</span>}
    </motion.div>
  );
}, sameCard);

/** The compact form: a coloured chip with the card's label, same testids and interactions. */
export const ProcessChip = memo(function ProcessChip({ proc, highlighted }: ProcessCardProps) {
  const attributes = useProcessAttributes('pchip', proc, highlighted);
  return (
    <div {...attributes} title={`${proc.label} ${proc.state}`}>
      <span aria-hidden="true">{kindLetter(proc)}</span>
      <span className="visually-hidden">{processAriaLabel(proc)}</span>
    </div>
  );
}, sameCard);
