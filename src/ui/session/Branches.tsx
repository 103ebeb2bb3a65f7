// Timelines kept aside by forks, and beside them the sessions kept in the browser (Recent). The
// branches' menu (BranchesMenu.tsx) only exists once a fork kept a branch, so its code comes then,
// not in the page's entry script.
import { lazy } from 'react';
import { LazyPart } from '../LazyPart';
import { usePlayground } from '../PlaygroundProvider';
import { RecentSessions } from './RecentSessions';

const BranchesMenu = lazy(() => import('./BranchesMenu').then((m) => ({ default: m.BranchesMenu })));

export function Branches() {
  const some = usePlayground((s) => s.branches.length > 0);
  return (
    <>
      <RecentSessions />
      {some && (
        <LazyPart what="The branches' menu">
          <BranchesMenu />
        </LazyPart>
      )}
    </>
  );
}
