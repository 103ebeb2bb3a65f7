// The active Master's page as Spark renders it on port 8080 (deploy/master/ui/MasterPage.scala,
// 4.0): the summary list, then Workers, Running Applications, Running Drivers, Completed
// Applications and Completed Drivers (the driver tables only once there are drivers, as in Spark).
// It renders store.masterPage, the Master's /json at the instant of the frame on the canvas (the
// controller reads both together); durations of what still runs are computed from the clock on
// screen. Ids select the thing, "(kill)" kills it after a confirmation, as Spark's own links do. A
// narrow panel shows each table's first columns; "All columns" shows Spark's whole table.
import { lazy, memo, useId, useMemo, useState } from 'react';
import { LazyPart } from '../LazyPart';
import { applyWithNotice } from '../menus/apply-action';
import type {
  ApplicationInfoJson,
  DriverInfoJson,
  MasterStateJson,
  Selection,
  WorkerInfoJson,
} from '../../engine/public';
import { formatDate, formatDuration, formatSimTime, megabytesToString } from '../format';
import { useController, usePlayground, usePlaygroundStore } from '../PlaygroundProvider';
import { type Column, DataTable } from './DataTable';
import {
  canKillApp,
  canKillDriver,
  formatResourceRequirements,
  formatResourcesAddresses,
  masterSummary,
  restUrl,
  showWorkerResources,
  sortedActiveApps,
  sortedCompletedApps,
  sortedDrivers,
  sortedWorkers,
  appDuration,
  runningFor,
  workerHost,
  workerResourcesDetails,
} from './master-page-model';

// Asked only after a "(kill)" link: the modal's code comes then, not in the page's entry script.
const ConfirmDialog = lazy(() => import('../menus/ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })));

type KillTarget = { kind: 'app' | 'driver'; id: string };

interface Handlers {
  select: (s: Selection) => void;
  askKill: (k: KillTarget) => void;
}

/** An id that selects its thing, styled as Spark's link. */
function IdLink({
  text,
  selection,
  onSelect,
}: {
  text: string;
  selection: Selection;
  onSelect: (s: Selection) => void;
}) {
  return (
    <button type="button" className="link-button" title={`Inspect ${text}`} onClick={() => onSelect(selection)}>
      {text}
    </button>
  );
}

function KillLink({ label, target, onKill }: { label: string; target: KillTarget; onKill: (k: KillTarget) => void }) {
  return (
    <button
      type="button"
      className="link-button kill-link"
      aria-label={`Kill ${label} ${target.id}`}
      aria-haspopup="dialog"
      data-testid={`kill-${target.kind}`}
      onClick={() => onKill(target)}
    >
      (kill)
    </button>
  );
}

function workerColumns(h: Handlers, resources: boolean): Column<WorkerInfoJson>[] {
  const cols: Column<WorkerInfoJson>[] = [
    // Spark links alive workers to their own UI; here every id opens the Inspector.
    {
      header: 'Worker Id',
      cell: (w) => <IdLink text={w.id} selection={{ kind: 'worker', id: w.host }} onSelect={h.select} />,
    },
    { header: 'Address', cell: (w) => `${w.host}:${w.port}`, priority: 3 },
    { header: 'State', cell: (w) => w.state },
    { header: 'Cores', cell: (w) => `${w.cores} (${w.coresused} Used)` },
    {
      header: 'Memory',
      cell: (w) => `${megabytesToString(w.memory)} (${megabytesToString(w.memoryused)} Used)`,
      priority: 2,
    },
  ];
  if (resources) cols.push({ header: 'Resources', cell: workerResourcesDetails, priority: 3 });
  return cols;
}

function appColumns(h: Handlers, nowEpochMs: number): Column<ApplicationInfoJson>[] {
  return [
    {
      header: 'Application ID',
      cell: (a) => (
        <>
          <IdLink text={a.id} selection={{ kind: 'application', id: a.id }} onSelect={h.select} />
          {canKillApp(a.state) && (
            <>
              {' '}
              <KillLink label="application" target={{ kind: 'app', id: a.id }} onKill={h.askKill} />
            </>
          )}
        </>
      ),
    },
    { header: 'Name', cell: (a) => a.name, priority: 2 },
    { header: 'Cores', cell: (a) => a.cores, numeric: true, priority: 2 },
    { header: 'Memory per Executor', cell: (a) => megabytesToString(a.memoryperexecutor), priority: 3 },
    {
      header: 'Resources Per Executor',
      cell: (a) => formatResourceRequirements(a.resourcesperexecutor),
      priority: 3,
    },
    { header: 'Submitted Time', cell: (a) => formatDate(a.starttime), priority: 3 },
    { header: 'User', cell: (a) => a.user, priority: 3 },
    { header: 'State', cell: (a) => a.state },
    // A running app's duration is "now − start": now is the clock on screen, so it ticks.
    {
      header: 'Duration',
      cell: (a) => formatDuration(appDuration(a, nowEpochMs)),
      live: true,
    },
  ];
}

function driverColumns(
  h: Handlers,
  m: MasterStateJson,
  running: boolean,
  nowEpochMs: number,
): Column<DriverInfoJson>[] {
  const cols: Column<DriverInfoJson>[] = [
    {
      header: 'Submission ID',
      cell: (d) => (
        <>
          <IdLink text={d.id} selection={{ kind: 'driver', id: d.id }} onSelect={h.select} />
          {canKillDriver(d.state) && (
            <>
              {' '}
              <KillLink label="driver" target={{ kind: 'driver', id: d.id }} onKill={h.askKill} />
            </>
          )}
        </>
      ),
    },
    { header: 'Submitted Time', cell: (d) => formatDate(Number(d.starttime)), priority: 3 },
    {
      header: 'Worker',
      priority: 2,
      cell: (d) => {
        const host = workerHost(m, d.worker);
        return host ? (
          <IdLink text={d.worker} selection={{ kind: 'worker', id: host }} onSelect={h.select} />
        ) : (
          d.worker
        );
      },
    },
    { header: 'State', cell: (d) => d.state },
    { header: 'Cores', cell: (d) => d.cores, numeric: true, priority: 3 },
    { header: 'Memory', cell: (d) => megabytesToString(d.memory), priority: 3 },
    { header: 'Resources', cell: (d) => formatResourcesAddresses(d.resources), priority: 3 },
    { header: 'Main Class', cell: (d) => d.mainclass, priority: 3 },
  ];
  // Running drivers' Duration is "now − start", now being the clock on screen: it ticks.
  if (running)
    cols.push({ header: 'Duration', cell: (d) => formatDuration(runningFor(d.starttime, nowEpochMs)), live: true });
  return cols;
}

function Summary({ master }: { master: MasterStateJson }) {
  const conf = usePlayground((st) => st.sparkConf);
  // Counted once per page, not on every frame the clock moves (500 workers, four passes).
  const s = useMemo(() => masterSummary(master), [master]);
  const rest = restUrl(master.url, conf);
  return (
    <ul className="master-summary" data-testid="master-summary" aria-label="Cluster summary">
      <li>
        <strong>URL:</strong> <span data-testid="master-url">{master.url}</span>
      </li>
      {rest && (
        <li>
          <strong>REST URL:</strong> <span data-testid="master-rest-url">{rest}</span>{' '}
          <span className="muted">(cluster mode)</span>
        </li>
      )}
      <li>
        <strong>Workers:</strong> <span data-testid="alive-workers">{s.alive}</span> Alive, {s.dead} Dead,{' '}
        {s.decommissioned} Decommissioned, {s.unknown} Unknown
      </li>
      <li>
        <strong>Cores in use:</strong> {master.cores} Total, {master.coresused} Used
      </li>
      <li>
        <strong>Memory in use:</strong> {megabytesToString(master.memory)} Total, {megabytesToString(master.memoryused)}{' '}
        Used
      </li>
      <li>
        <strong>Resources in use:</strong> {s.resourcesInUse}
      </li>
      <li>
        <strong>Applications:</strong> {s.runningApps} Running, {s.completedApps} Completed
      </li>
      <li>
        <strong>Drivers:</strong> {s.runningDrivers} Running ({s.waitingDrivers} Waiting), {s.completedDrivers}{' '}
        Completed ({s.killedDrivers} Killed, {s.failedDrivers} Failed, {s.errorDrivers} Error, {s.relaunchingDrivers}{' '}
        Relaunching)
      </li>
      <li>
        <strong>Status:</strong> <span data-testid="master-status">{master.status}</span>
      </li>
    </ul>
  );
}

/**
 * The Workers table reads no clock: drawn again only when a new page arrives, not with every frame
 * the clock moves (500 workers' rows would otherwise be compared 60 times a second).
 */
const WorkersTable = memo(
  function WorkersTable({ master, handlers }: { master: MasterStateJson; handlers: Handlers }) {
    return (
      <DataTable
        id="workers-table"
        title="Workers"
        columns={workerColumns(handlers, showWorkerResources(master.workers))}
        rows={sortedWorkers(master.workers)}
        rowKey={(w) => w.id}
        rowState={(w) => w.state}
      />
    );
  },
  // The handlers select and ask to kill through the controller: the same whatever the render.
  (a, b) => a.master === b.master,
);

function Listings({
  master,
  nowEpochMs,
  handlers,
}: {
  master: MasterStateJson;
  nowEpochMs: number;
  handlers: Handlers;
}) {
  const hasDrivers = master.activedrivers.length > 0 || master.completeddrivers.length > 0;
  const apps = appColumns(handlers, nowEpochMs);
  return (
    <>
      <WorkersTable master={master} handlers={handlers} />
      <DataTable
        id="running-apps-table"
        title="Running Applications"
        columns={apps}
        rows={sortedActiveApps(master.activeapps)}
        rowKey={(a) => a.id}
        rowState={(a) => a.state}
        now={nowEpochMs}
      />
      {hasDrivers && (
        <DataTable
          id="running-drivers-table"
          title="Running Drivers"
          columns={driverColumns(handlers, master, true, nowEpochMs)}
          rows={sortedDrivers(master.activedrivers)}
          rowKey={(d) => d.id}
          rowState={(d) => d.state}
          now={nowEpochMs}
        />
      )}
      <DataTable
        id="completed-apps-table"
        title="Completed Applications"
        columns={apps}
        rows={sortedCompletedApps(master.completedapps)}
        rowKey={(a) => a.id}
        rowState={(a) => a.state}
        now={nowEpochMs}
      />
      {hasDrivers && (
        <DataTable
          id="completed-drivers-table"
          title="Completed Drivers"
          columns={driverColumns(handlers, master, false, nowEpochMs)}
          rows={sortedDrivers(master.completeddrivers)}
          rowKey={(d) => d.id}
          rowState={(d) => d.state}
          now={nowEpochMs}
        />
      )}
    </>
  );
}

export function MasterPage() {
  const controller = useController();
  const store = usePlaygroundStore();
  const page = usePlayground((s) => s.masterPage);
  // Durations are "now − start" with now the clock on screen, so they tick with the canvas.
  const nowEpochMs = usePlayground((s) => s.epochMs);
  const [kill, setKill] = useState<KillTarget | null>(null);
  // A narrow panel shows the first columns of each table; this shows them all (scrolling sideways).
  const [allColumns, setAllColumns] = useState(false);
  const titleId = useId();

  const handlers: Handlers = { select: (s) => controller.select(s), askKill: setKill };

  const confirmKill = (k: KillTarget) => {
    setKill(null);
    const item =
      k.kind === 'app'
        ? { action: { type: 'kill-app', target: k.id } as const, done: `Application ${k.id} killed` }
        : { action: { type: 'kill-driver', target: k.id } as const, done: `Kill of driver ${k.id} requested` };
    void applyWithNotice(controller, store, item);
  };

  if (!page) {
    return (
      <div className="master-page" data-testid="master-page" data-state="loading">
        <p role="status">Reading the Master’s page…</p>
      </div>
    );
  }
  const master = page.master;
  return (
    <section
      className={allColumns ? 'master-page master-page--all-columns' : 'master-page'}
      aria-labelledby={titleId}
      data-testid="master-page"
      data-state={master ? 'up' : 'down'}
    >
      <h2 id={titleId} className="master-title">
        {master ? `Spark Master at ${master.url}` : 'Spark Master'}
      </h2>
      {master ? (
        <>
          <Summary master={master} />
          <p className="master-columns">
            <button
              type="button"
              className="link-button"
              aria-pressed={allColumns}
              data-testid="master-all-columns"
              onClick={() => setAllColumns(!allColumns)}
            >
              {allColumns ? 'Fewer columns' : 'All columns'}
            </button>{' '}
            <span className="muted">Click an id for all of its fields.</span>
          </p>
          <Listings master={master} nowEpochMs={nowEpochMs} handlers={handlers} />
        </>
      ) : (
        // With the Master down there is no page to load on port 8080 at all.
        <p className="note" data-testid="master-down" role="status">
          No Master is running at {formatSimTime(page.time)}: its web UI does not answer.
        </p>
      )}
      <p className="muted master-read-at">As of {formatSimTime(page.time)} (simulated).</p>
      {kill && (
        <LazyPart what="The confirmation">
          <ConfirmDialog
            title={kill.kind === 'app' ? 'Kill application' : 'Kill driver'}
            message={`Are you sure you want to kill ${kill.kind === 'app' ? 'application' : 'driver'} ${kill.id} ?`}
            confirmLabel="Kill"
            onConfirm={() => confirmKill(kill)}
            onCancel={() => setKill(null)}
          />
        </LazyPart>
      )}
    </section>
  );
}
