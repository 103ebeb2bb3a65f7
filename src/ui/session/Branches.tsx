// Timelines kept aside by forks: switching to one keeps the current timeline as a branch too, so
// nothing is lost by going back and forth. Beside it, the sessions kept in the browser (Recent).
import { formatSimTime } from '../format';
import { useController, usePlayground } from '../PlaygroundProvider';
import { RecentSessions } from './RecentSessions';

export function Branches() {
  const controller = useController();
  const branches = usePlayground((s) => s.branches);
  const time = usePlayground((s) => s.time);
  const horizon = usePlayground((s) => s.horizon);
  const addBranch = usePlayground((s) => s.addBranch);
  const removeBranch = usePlayground((s) => s.removeBranch);
  if (branches.length === 0) return <RecentSessions />;

  const switchTo = async (id: number) => {
    const target = branches.find((b) => b.id === id);
    if (!target) return;
    const current = await controller.session();
    if (current) {
      current.playhead = Math.max(time, horizon);
      addBranch(`until ${formatSimTime(current.playhead)} (left at ${formatSimTime(time)})`, current);
    }
    removeBranch(id);
    await controller.openSession(target.session);
  };

  return (
    <>
      <RecentSessions />
      <label className="branches">
        <span>Branch</span>
        <select data-testid="branches" value="" onChange={(e) => void switchTo(Number(e.target.value))}>
          <option value="">this timeline</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
