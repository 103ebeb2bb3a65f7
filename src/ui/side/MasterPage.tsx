// The active Master's page as Spark renders it on port 8080 (deploy/master/ui/MasterPage.scala,
// 4.0): the summary list, then Workers, Running Applications, Running Drivers, Completed
// Applications and Completed Drivers (the driver tables only once there are drivers, as in Spark).
// It renders store.masterPage, the Master's /json at one simulated instant; ids select the thing,
// "(kill)" kills it after a confirmation, as Spark's own links do.
import { useId, useState } from 'react';
import type {
  ApplicationInfoJson,
  DriverInfoJson,
  MasterStateJson,
  Selection,
  WorkerInfoJson,
} from '../../engine/public';
import { formatDate, formatDuration, formatSimTime, megabytesToString } from '../format';
import { applyWithNotice } from '../menus/apply-action';
import { ConfirmDialog } from '../menus/ConfirmDialog';
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
  workerHost,
  workerResourcesDetails,
} from './master-page-model';

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
    { header: 'Address', cell: (w) => `${w.host}:${w.port}` },
    { header: 'State', cell: (w) => w.state },
    { header: 'Cores', cell: (w) => `${w.cores} (${w.coresused} Used)` },
    { header: 'Memory', cell: (w) => `${megabytesToString(w.memory)} (${megabytesToString(w.memoryused)} Used)` },
  ];
  if (resources) cols.push({ header: 'Resources', cell: workerResourcesDetails });
  return cols;
}

function appColumns(h: Handlers): Column<ApplicationInfoJson>[] {
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
    { header: 'Name', cell: (a) => a.name },
    { header: 'Cores', cell: (a) => a.cores, numeric: true },
    { header: 'Memory per Executor', cell: (a) => megabytesToString(a.memoryperexecutor) },
    { header: 'Resources Per Executor', cell: (a) => formatResourceRequirements(a.resourcesperexecutor) },
    { header: 'Submitted Time', cell: (a) => formatDate(a.starttime) },
    { header: 'User', cell: (a) => a.user },
    { header: 'State', cell: (a) => a.state },
    { header: 'Duration', cell: (a) => formatDuration(a.duration) },
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
    { header: 'Submitted Time', cell: (d) => formatDate(Number(d.starttime)) },
    {
      header: 'Worker',
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
    { header: 'Cores', cell: (d) => d.cores, numeric: true },
    { header: 'Memory', cell: (d) => megabytesToString(d.memory) },
    { header: 'Resources', cell: (d) => formatResourcesAddresses(d.resources) },
    { header: 'Main Class', cell: (d) => d.mainclass },
  ];
  // Running drivers' Duration is "now − start", now being the instant the page was read.
  if (running) cols.push({ header: 'Duration', cell: (d) => formatDuration(nowEpochMs - Number(d.starttime)) });
  return cols;
}

function Summary({ master }: { master: MasterStateJson }) {
  const conf = usePlayground((st) => st.sparkConf);
  const s = masterSummary(master);
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
  const apps = appColumns(handlers);
  return (
    <>
      <DataTable
        id="workers-table"
        title="Workers"
        columns={workerColumns(handlers, showWorkerResources(master.workers))}
        rows={sortedWorkers(master.workers)}
        rowKey={(w) => w.id}
        rowState={(w) => w.state}
      />
      <DataTable
        id="running-apps-table"
        title="Running Applications"
        columns={apps}
        rows={sortedActiveApps(master.activeapps)}
        rowKey={(a) => a.id}
        rowState={(a) => a.state}
      />
      {hasDrivers && (
        <DataTable
          id="running-drivers-table"
          title="Running Drivers"
          columns={driverColumns(handlers, master, true, nowEpochMs)}
          rows={sortedDrivers(master.activedrivers)}
          rowKey={(d) => d.id}
          rowState={(d) => d.state}
        />
      )}
      <DataTable
        id="completed-apps-table"
        title="Completed Applications"
        columns={apps}
        rows={sortedCompletedApps(master.completedapps)}
        rowKey={(a) => a.id}
        rowState={(a) => a.state}
      />
      {hasDrivers && (
        <DataTable
          id="completed-drivers-table"
          title="Completed Drivers"
          columns={driverColumns(handlers, master, false, nowEpochMs)}
          rows={sortedDrivers(master.completeddrivers)}
          rowKey={(d) => d.id}
          rowState={(d) => d.state}
        />
      )}
    </>
  );
}

export function MasterPage() {
  const controller = useController();
  const store = usePlaygroundStore();
  const page = usePlayground((s) => s.masterPage);
  // epochMs − time is the scenario's start epoch; the page's own instant is that plus page.time.
  const startEpochMs = usePlayground((s) => s.epochMs - s.time);
  const [kill, setKill] = useState<KillTarget | null>(null);
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
      className="master-page"
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
          <Listings master={master} nowEpochMs={startEpochMs + page.time} handlers={handlers} />
        </>
      ) : (
        // With the Master down there is no page to load on port 8080 at all.
        <p className="note" data-testid="master-down" role="status">
          No Master is running at {formatSimTime(page.time)}: its web UI does not answer.
        </p>
      )}
      <p className="muted master-read-at">As of {formatSimTime(page.time)} (simulated).</p>
      {kill && (
        <ConfirmDialog
          title={kill.kind === 'app' ? 'Kill application' : 'Kill driver'}
          message={`Are you sure you want to kill ${kill.kind === 'app' ? 'application' : 'driver'} ${kill.id} ?`}
          confirmLabel="Kill"
          onConfirm={() => confirmKill(kill)}
          onCancel={() => setKill(null)}
        />
      )}
    </section>
  );
}
