// The Share button's answer when no link could be made (share-link.ts says why): a popover under
// the button that offers Export instead, and the export dialog it opens. Loaded the first time a
// link is refused, so it is not in the page's entry script.
import { lazy, Suspense, useRef, useState } from 'react';
import type { Scenario } from '../../engine/public';
import { useKeepInView } from './keep-in-view';
import type { Refusal } from './share-link';

const ExportDialog = lazy(() => import('../interop/ExportDialog').then((m) => ({ default: m.ExportDialog })));

export function ShareRefusal({ refusal, onClose }: { refusal: Refusal | null; onClose(): void }) {
  const popover = useRef<HTMLDivElement>(null);
  useKeepInView(popover, refusal !== null);
  const [exporting, setExporting] = useState<Scenario | null>(null);
  return (
    <>
      {refusal && (
        <div ref={popover} className="share-popover" role="alert" data-testid="share-refused">
          <p>{refusal.text}</p>
          <div className="share-popover-actions">
            <button
              type="button"
              className="primary"
              data-testid="share-export"
              onClick={() => {
                setExporting(refusal.scenario);
                onClose();
              }}
            >
              Export…
            </button>
            <button type="button" data-testid="share-refused-close" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      )}
      <Suspense fallback={null}>
        {exporting && <ExportDialog open onClose={() => setExporting(null)} scenario={exporting} />}
      </Suspense>
    </>
  );
}
