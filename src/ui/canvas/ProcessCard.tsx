// A driver or executor on its machine: a small card (full size) or chip (compact clusters), in its
// application's colour, that selects on click and opens the fault menu on right-click or from the
// keyboard. Cards fade in, between states and out in place; chips do not (hundreds of them would cost).
// The animations are CSS (process-card.css): they run on the compositor, cost no JavaScript per card,
// and none runs when the OS asks for reduced motion.
// What a card says comes from card-status.ts, so its badge, exit code and strike-through agree.
import { memo, useState } from 'react';
import type { CSSProperties } from 'react';
import type { ProcessCardView } from '../../engine/public';
import { usePlayground } from '../PlaygroundProvider';
import { appColor } from '../colors';
import { cardStatus, detailsText, processLabel, relaunchText } from './card-status';
import { processAriaLabel } from './node-text';
import { useNodeActions } from './use-node-actions';
import './process-card.css';

interface ProcessCardProps {
  proc: ProcessCardView;
  highlighted: boolean;
  /** Arrived after its list mounted: fades and grows in (cards only). */
  enter?: boolean;
  /** In its last moments on screen (linger.ts): fades out in place (cards only). */
  leaving?: boolean;
}

// Frames carry fresh objects for a changed node: compare by value so unchanged cards skip rendering.
function sameCard(a: ProcessCardProps, b: ProcessCardProps): boolean {
  const p = a.proc;
  const q = b.proc;
  return (
    a.highlighted === b.highlighted &&
    a.enter === b.enter &&
    a.leaving === b.leaving &&
    p.id === q.id &&
    p.kind === q.kind &&
    p.label === q.label &&
    p.appId === q.appId &&
    p.state === q.state &&
    p.cores === q.cores &&
    p.memoryMb === q.memoryMb &&
    p.exitCode === q.exitCode &&
    p.ended === q.ended &&
    p.runningTasks === q.runningTasks &&
    p.restarts === q.restarts &&
    p.relaunch?.at === q.relaunch?.at &&
    p.relaunch?.lastExitCode === q.relaunch?.lastExitCode &&
    p.masterOnly === q.masterOnly
  );
}

function cardClass(base: string, proc: ProcessCardView, highlighted: boolean): string {
  let c = `${base} ${base}--${proc.kind}`;
  if (cardStatus(proc).struck) c += ` ${base}--ended`;
  if (proc.masterOnly) c += ` ${base}--master-only`;
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
    'data-ended': cardStatus(proc).struck || undefined,
    'data-selected': highlighted || undefined,
    role: 'button',
    tabIndex: 0,
    'aria-current': highlighted || undefined,
    ...actions,
  };
}

/** The badge letter: D for a driver, E for an executor. */
const kindLetter = (proc: ProcessCardView) => (proc.kind === 'driver' ? 'D' : 'E');

/** The back-off countdown: ticks with the simulated clock (only this line re-renders). */
function RelaunchNote({ proc }: { proc: ProcessCardView }) {
  const text = usePlayground((s) => relaunchText(proc, s.time));
  if (!text) return null;
  return (
    <span className="pcard-note" data-testid="relaunch-note">
      {text}
    </span>
  );
}

function cardTitle(proc: ProcessCardView): string | undefined {
  const parts: string[] = [];
  if (proc.appId) parts.push(proc.appId);
  if (proc.masterOnly) parts.push("the Master's record: the Worker never started this executor");
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * Whether the badge flashes when it mounts: not the card's first badge (a card appears whole), but
 * every later one. The badge is keyed on its text, so each change mounts a new one that flashes.
 */
function useBadgeFlash(badge: string): boolean {
  const [seen, setSeen] = useState({ badge, changed: false });
  if (seen.badge !== badge) setSeen({ badge, changed: true });
  return seen.changed || seen.badge !== badge;
}

export const ProcessCard = memo(function ProcessCard({ proc, highlighted, enter, leaving }: ProcessCardProps) {
  const attributes = useProcessAttributes('pcard', proc, highlighted);
  const status = cardStatus(proc);
  const details = detailsText(proc);
  const flash = useBadgeFlash(status.badge);
  let className = attributes.className;
  if (enter) className += ' pcard--enter';
  if (leaving) className += ' pcard--leaving';
  return (
    // No layout animation: a card sliding to its new place would cross the one arriving there.
    // Cards fade in and out in place, in the list's flow (ProcessList), so none ever overlaps.
    <div {...attributes} className={className} title={cardTitle(proc)} data-leaving={leaving || undefined}>
      {/* The accessible name is the visible text plus the words the badge and colour stand for. */}
      <span className="pcard-kind" aria-hidden="true">
        {kindLetter(proc)}
      </span>
      <span className="visually-hidden">{proc.kind === 'driver' ? 'Driver ' : 'Executor '}</span>
      <span className="pcard-label" data-testid="proc-label">
        {processLabel(proc)}
      </span>
      <span
        key={status.badge}
        className={`pcard-state state-${status.badge}${flash ? ' pcard-state--flash' : ''}`}
        data-testid="proc-badge"
      >
        {status.badge}
      </span>
      {(details || status.exit) && (
        <span className="pcard-res">
          {status.exit && (
            <span className={status.exitOk ? 'pcard-exit pcard-exit--ok' : 'pcard-exit'} data-testid="proc-exit">
              {status.exit}
              {details ? ' · ' : ''}
            </span>
          )}
          {details && (
            <span className="pcard-details" data-testid="proc-details">
              {details}
            </span>
          )}
        </span>
      )}
      <RelaunchNote proc={proc} />
      {proc.appId && <span className="visually-hidden">, of {proc.appId}</span>}
    </div>
  );
}, sameCard);

/** The compact form: a coloured chip with the card's label, same testids and interactions. */
export const ProcessChip = memo(function ProcessChip({ proc, highlighted }: ProcessCardProps) {
  const attributes = useProcessAttributes('pchip', proc, highlighted);
  return (
    <div {...attributes} title={`${processLabel(proc)} ${proc.state}`}>
      <span aria-hidden="true">{kindLetter(proc)}</span>
      <span className="visually-hidden">{processAriaLabel(proc)}</span>
    </div>
  );
}, sameCard);
