// A part of the page whose code is a chunk of its own (React.lazy): while it loads, `fallback`;
// if it cannot be loaded (the network went away since the page came), a sentence in its place
// instead of an error that would take the whole page down. The page's initial JavaScript is
// budgeted (README, "Performance"), so what is not needed for the first draw comes this way.
import { Component, type ReactNode, Suspense, useState } from 'react';

interface LazyPartProps {
  /** What it is, for the sentence: "The Inspector". */
  what: string;
  fallback?: ReactNode;
  children: ReactNode;
}

export class LazyPart extends Component<LazyPartProps, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(err: unknown): { error: string } {
    return { error: err instanceof Error ? err.message : String(err) };
  }

  override render(): ReactNode {
    if (this.state.error !== null)
      return (
        <p role="alert" className="lazy-part-error" data-testid="lazy-part-error">
          {this.props.what} could not be loaded ({this.state.error}). Check the connection and reload the page.
        </p>
      );
    return <Suspense fallback={this.props.fallback ?? null}>{this.props.children}</Suspense>;
  }
}

/** Mounts `children` (a LazyPart) from the first time `when` holds on, so their state outlives a close. */
export function MountedOnce({ when, ...part }: LazyPartProps & { when: boolean }) {
  const [mounted, setMounted] = useState(when);
  if (when && !mounted) setMounted(true);
  if (!mounted) return null;
  return <LazyPart {...part} />;
}
