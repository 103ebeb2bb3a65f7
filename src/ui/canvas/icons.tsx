// Small inline icons for the nodes (SVG, so they look the same in every browser and font).
import type { ReactElement } from 'react';

const common = { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export function ServerIcon(): ReactElement {
  return (
    <svg {...common} className="cn-svg">
      <rect x="2" y="2" width="12" height="5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <rect x="2" y="9" width="12" height="5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <circle cx="5" cy="4.5" r="0.9" fill="currentColor" />
      <circle cx="5" cy="11.5" r="0.9" fill="currentColor" />
    </svg>
  );
}

export function MasterIcon(): ReactElement {
  return (
    <svg {...common} className="cn-svg">
      <path
        d="M2 12 L3 5 L6 8 L8 3 L10 8 L13 5 L14 12 Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
      <line x1="2" y1="14" x2="14" y2="14" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

export function ZooKeeperIcon(): ReactElement {
  return (
    <svg {...common} className="cn-svg">
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M5 6 H11 L5 11 H11" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    </svg>
  );
}

export function TerminalIcon(): ReactElement {
  return (
    <svg {...common} className="cn-svg">
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path
        d="M4 6 L6.5 8 L4 10 M8 10.5 H12"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The daemon is gone: a power symbol when the machine is off, a cross when the process stopped. */
export function DaemonIcon({ process }: { process: 'running' | 'stopped' | 'machine-off' }): ReactElement {
  if (process === 'machine-off') {
    return (
      <svg {...common} className="cn-svg">
        <path d="M5 4.2 A5 5 0 1 0 11 4.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        <line x1="8" y1="2" x2="8" y2="8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    );
  }
  if (process === 'stopped') {
    return (
      <svg {...common} className="cn-svg">
        <path d="M4 4 L12 12 M12 4 L4 12" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    );
  }
  return (
    <svg {...common} className="cn-svg">
      <circle cx="8" cy="8" r="4" fill="currentColor" />
    </svg>
  );
}
