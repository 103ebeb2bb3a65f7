// The one wrapper every machine on the canvas renders in (xyflow's NodeWrapper idea): it composes
// the class list, sets the test id, the state the tests and styles key on, the selection mark, the
// group role, focusability and the accessible name, attaches the click / menu / keyboard actions
// (use-node-actions.ts) and draws the header row. Node components render only their content.
import type { CSSProperties, ReactNode } from 'react';
import type { NodeView } from '../../engine/public';
import { useSelectionAnswer } from '../PlaygroundProvider';
import { isSelected } from './selection';
import { useNodeActions } from './use-node-actions';

export interface NodeShellProps {
  kind: NodeView['kind'];
  id: string;
  /** data-state: what the node's badge says, as a token (ALIVE → "alive", "not-registered"…). */
  state: string;
  /** data-process: the daemon's process state. */
  process: string;
  /** The accessible name: the visible texts plus what the colours and icons stand for. */
  label: string;
  /** Drawn greyed out (stopped, powered off, DEAD). */
  dead?: boolean;
  /** The compact rendering of large clusters. */
  compact?: boolean;
  style?: CSSProperties;
  /** The header row's contents (icon, title, host, port…), and its tooltip. */
  head: ReactNode;
  headTitle?: string;
  children?: ReactNode;
}

export function nodeClassName(
  kind: NodeView['kind'],
  flags: { compact?: boolean; dead?: boolean; selected?: boolean },
): string {
  let className = `cn cn-${kind}`;
  if (flags.compact) className += ' cn--compact';
  if (flags.dead) className += ' cn--dead';
  if (flags.selected) className += ' cn--selected';
  return className;
}

export function NodeShell({
  kind,
  id,
  state,
  process,
  label,
  dead,
  compact,
  style,
  head,
  headTitle,
  children,
}: NodeShellProps) {
  const selected = useSelectionAnswer((selection) => isSelected(selection, kind, id));
  const actions = useNodeActions({ kind, id });
  return (
    <div
      className={nodeClassName(kind, { compact, dead, selected })}
      data-testid={`node-${id}`}
      data-state={state}
      data-process={process}
      data-selected={selected || undefined}
      role="group"
      tabIndex={0}
      aria-label={label}
      style={style}
      {...actions}
    >
      <div className="cn-head" title={headTitle}>
        {head}
      </div>
      {children}
    </div>
  );
}
