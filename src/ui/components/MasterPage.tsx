// The active Master's page as Spark renders it on port 8080 (deploy/master/ui/MasterPage.scala):
// the summary list, then Workers, Running/Completed Applications and Running/Completed Drivers.
// It renders the Master's /json view from the latest frame and nothing else.
import type { ApplicationInfoJson, DriverInfoJson, WorkerInfoJson } from '../../engine/worker';
import { formatDate, formatDuration, megabytesToString } from '../format';
import { usePlayground } from '../store';
import { type Column, DataTable } from './DataTable';

// MasterPage sorts workers by id and applications and drivers newest first.
const byId = (a: WorkerInfoJson, b: WorkerInfoJson) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newestFirst = <T extends { starttime: number | string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => Number(b.starttime) - Number(a.starttime));

const workerColumns: Column<WorkerInfoJson>[] = [
  { header: 'Worker Id', cell: (w) => w.id },
  { header: 'Address', cell: (w) => `${w.host}:${w.port}` },
  { header: 'State', cell: (w) => w.state },
  { header: 'Cores', cell: (w) => `${w.cores} (${w.coresused} Used)` },
  { header: 'Memory', cell: (w) => `${megabytesToString(w.memory)} (${megabytesToString(w.memoryused)} Used)` },
];

const appColumns: Column<ApplicationInfoJson>[] = [
  { header: 'Application ID', cell: (a) => a.id },
  { header: 'Name', cell: (a) => a.name },
  { header: 'Cores', cell: (a) => a.cores },
  { header: 'Memory per Executor', cell: (a) => megabytesToString(a.memoryperexecutor) },
  { header: 'Submitted Time', cell: (a) => formatDate(a.starttime) },
  { header: 'User', cell: (a) => a.user },
  { header: 'State', cell: (a) => a.state },
  { header: 'Duration', cell: (a) => formatDuration(a.duration) },
];

const completedDriverColumns: Column<DriverInfoJson>[] = [
  { header: 'Submission ID', cell: (d) => d.id },
  { header: 'Submitted Time', cell: (d) => formatDate(Number(d.starttime)) },
  { header: 'Worker', cell: (d) => d.worker },
  { header: 'State', cell: (d) => d.state },
  { header: 'Cores', cell: (d) => d.cores },
  { header: 'Memory', cell: (d) => megabytesToString(d.memory) },
  { header: 'Main Class', cell: (d) => d.mainclass },
];

// Running drivers add a Duration column, computed against "now" as Spark's activeDriverRow does.
const runningDriverColumns = (nowEpochMs: number): Column<DriverInfoJson>[] => [
  ...completedDriverColumns,
  { header: 'Duration', cell: (d) => formatDuration(nowEpochMs - Number(d.starttime)) },
];

function Summary() {
  const master = usePlayground((s) => s.master);
  if (!master) {
    return (
      <p data-testid="master-down" role="status">
        No Master is running.
      </p>
    );
  }
  const count = (state: WorkerInfoJson['state']) => master.workers.filter((w) => w.state === state).length;
  return (
    <ul className="summary" data-testid="master-summary" aria-label="Cluster summary">
      <li>
        <strong>URL:</strong> <span data-testid="master-url">{master.url}</span>
      </li>
      <li>
        <strong>Workers:</strong> <span data-testid="alive-workers">{master.aliveworkers}</span> Alive, {count('DEAD')} Dead,{' '}
        {count('DECOMMISSIONED')} Decommissioned, {count('UNKNOWN')} Unknown
      </li>
      <li>
        <strong>Cores in use:</strong> {master.cores} Total, {master.coresused} Used
      </li>
      <li>
        <strong>Memory in use:</strong> {megabytesToString(master.memory)} Total, {megabytesToString(master.memoryused)} Used
      </li>
      <li>
        <strong>Applications:</strong> {master.activeapps.length} Running, {master.completedapps.length} Completed
      </li>
      <li>
        <strong>Drivers:</strong> {master.activedrivers.length} Running, {master.completeddrivers.length} Completed
      </li>
      <li>
        <strong>Status:</strong> <span data-testid="master-status">{master.status}</span>
      </li>
    </ul>
  );
}

function Listings() {
  const master = usePlayground((s) => s.master);
  const now = usePlayground((s) => s.epochMs);
  if (!master) return null;
  return (
    <>
      <DataTable
        id="workers-table"
        title="Workers"
        columns={workerColumns}
        rows={[...master.workers].sort(byId)}
        rowKey={(w) => w.id}
        rowState={(w) => w.state}
      />
      <DataTable
        id="running-apps-table"
        title="Running Applications"
        columns={appColumns}
        rows={newestFirst(master.activeapps)}
        rowKey={(a) => a.id}
        rowState={(a) => a.state}
      />
      <DataTable
        id="completed-apps-table"
        title="Completed Applications"
        columns={appColumns}
        rows={newestFirst(master.completedapps)}
        rowKey={(a) => a.id}
        rowState={(a) => a.state}
      />
      <DataTable
        id="running-drivers-table"
        title="Running Drivers"
        columns={runningDriverColumns(now)}
        rows={newestFirst(master.activedrivers)}
        rowKey={(d) => d.id}
        rowState={(d) => d.state}
      />
      <DataTable
        id="completed-drivers-table"
        title="Completed Drivers"
        columns={completedDriverColumns}
        rows={newestFirst(master.completeddrivers)}
        rowKey={(d) => d.id}
        rowState={(d) => d.state}
      />
    </>
  );
}

export function MasterPage() {
  const url = usePlayground((s) => s.master?.url);
  return (
    <section className="master-page" aria-labelledby="master-title" data-testid="master-page">
      <h1 id="master-title">{url ? `Spark Master at ${url}` : 'Spark Master'}</h1>
      <Summary />
      <Listings />
    </section>
  );
}
