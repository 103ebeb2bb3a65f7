// Models deploy/Client.scala (ClientEndpoint / ClientApp, the legacy cluster-mode gateway) and
// deploy/rest/RestSubmissionClient.scala (RestSubmissionClientApp, the REST gateway on 6066):
// the spark-submit JVM of a cluster-mode submission, which asks the Master to run the driver,
// reports its status and exits.
import type { AskTimeout, Delivery, Disconnected, Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import type { DriverDescription, SparkMessage } from './messages';
import { SUBMIT_CLIENT_STARTUP_MS } from './timings';

const CLIENT_EP = 'client';
const REST_CLIENT_EP = 'RestSubmissionClient';
/** Client.scala: REPORT_DRIVER_STATUS_INTERVAL; the first poll comes 5 s after start. */
const FIRST_STATUS_POLL_MS = 5000;
const REPORT_DRIVER_STATUS_INTERVAL_MS = 10_000;
/** RestSubmissionClient: REPORT_DRIVER_STATUS_MAX_TRIES, REPORT_DRIVER_STATUS_INTERVAL. */
const REST_STATUS_MAX_TRIES = 10;
const REST_STATUS_INTERVAL_MS = 1000;
/** ClientApp sets spark.rpc.askTimeout=10s when the user did not. */
const CLIENT_ASK_TIMEOUT_MS = 10_000;

export interface SubmitClientState {
  gateway: 'legacy' | 'rest';
  masters: string[];
  driverDescription: DriverDescription;
  /** For the REST request. */
  appResource: string;
  mainClass: string;
  appArgs: string[];
  sparkProperties: Record<string, string>;
  waitAppCompletion: boolean;
  askTimeoutMs: number;
  submittedDriverId: string;
  activeMaster: string | null;
  reportedRunning: boolean;
  lostMasters: Set<string>;
  statusTries: number;
}

type ClientTimer = { type: 'ClientStarted' } | { type: 'MonitorDriverStatus' } | { type: 'RestStatusPoll' };

export function startSubmitClient(
  c: SparkCluster,
  host: string,
  init: Omit<
    SubmitClientState,
    'submittedDriverId' | 'activeMaster' | 'reportedRunning' | 'lostMasters' | 'statusTries' | 'askTimeoutMs'
  > & { askTimeoutMs?: number },
): Process<SubmitClientState> {
  const port = c.ephemeralPort(host);
  const state: SubmitClientState = {
    ...init,
    askTimeoutMs: init.askTimeoutMs ?? CLIENT_ASK_TIMEOUT_MS,
    submittedDriverId: '',
    activeMaster: null,
    reportedRunning: false,
    lostMasters: new Set(),
    statusTries: 0,
  };
  const label =
    init.gateway === 'legacy' ? `spark-submit (ClientApp)@${host}` : `spark-submit (RestSubmissionClientApp)@${host}`;
  const p = c.spawn(host, 'submit-client', label, state, { port });
  c.bind(p.pid, host, port);
  c.k.timer(p.pid, CLIENT_EP, SUBMIT_CLIENT_STARTUP_MS, { type: 'ClientStarted' });
  return p;
}

/** Utils.responseFromBackup: a STANDBY master's refusal, which the client ignores. */
function responseFromBackup(message: string | null): boolean {
  return message !== null && message.includes('Current state is not alive');
}

export function receive(c: SparkCluster, proc: Process, d: Delivery): void {
  const p = proc as Process<SubmitClientState>;
  const s = p.state;
  const msg = d.msg as SparkMessage | ClientTimer | Disconnected | AskTimeout;
  switch (msg.type) {
    case 'ClientStarted': {
      if (s.gateway === 'rest') {
        restCreateSubmission(c, p);
        return;
      }
      legacyStart(c, p);
      return;
    }
    case 'SubmitDriverResponse': {
      c.k.log(p.pid, msg.message);
      if (msg.success && msg.driverId) {
        s.activeMaster = msg.master;
        s.submittedDriverId = msg.driverId;
      } else if (!responseFromBackup(msg.message)) {
        c.exitProcess(p.pid, 255);
      }
      return;
    }
    case 'MonitorDriverStatus': {
      if (s.submittedDriverId !== '') {
        for (const m of s.masters)
          c.askTo(
            p.pid,
            CLIENT_EP,
            m,
            'Master',
            { type: 'RequestDriverStatus', driverId: s.submittedDriverId },
            s.askTimeoutMs,
          );
      }
      c.k.timer(p.pid, CLIENT_EP, REPORT_DRIVER_STATUS_INTERVAL_MS, { type: 'MonitorDriverStatus' });
      return;
    }
    case 'DriverStatusResponse': {
      reportDriverStatus(c, p, msg);
      return;
    }
    case 'CreateSubmissionResponse': {
      c.k.log(p.pid, `Submission successfully created as ${msg.submissionId ?? ''}. Polling submission state...`);
      if (!msg.success || !msg.submissionId) {
        c.k.log(p.pid, msg.message, 'ERROR');
        c.exitProcess(p.pid, 1);
        return;
      }
      s.submittedDriverId = msg.submissionId;
      c.k.log(p.pid, `Polling submission state for driver ${msg.submissionId}`);
      restPoll(c, p);
      return;
    }
    case 'RestStatusPoll': {
      restPoll(c, p);
      return;
    }
    case 'SubmissionStatusResponse': {
      if (msg.success) {
        if (msg.driverState) c.k.log(p.pid, `State of driver ${s.submittedDriverId} is now ${msg.driverState}.`);
        else c.k.log(p.pid, `State of driver ${s.submittedDriverId} was not found!`, 'ERROR');
        if (msg.workerId && msg.workerHostPort)
          c.k.log(p.pid, `Driver is running on worker ${msg.workerId} at ${msg.workerHostPort}.`);
        if (msg.message) c.k.log(p.pid, msg.message, 'ERROR');
        c.exitProcess(p.pid, 0);
        return;
      }
      if (s.statusTries >= REST_STATUS_MAX_TRIES) {
        c.k.log(p.pid, `Error: Master did not recognize driver ${s.submittedDriverId}.`, 'ERROR');
        c.exitProcess(p.pid, 0);
        return;
      }
      c.k.timer(p.pid, CLIENT_EP, REST_STATUS_INTERVAL_MS, { type: 'RestStatusPoll' });
      return;
    }
    case 'AskTimeout': {
      c.k.log(
        p.pid,
        `Error sending messages to master: ${msg.requestType} timed out after ${s.askTimeoutMs / 1000} seconds`,
        'WARN',
      );
      return;
    }
    case 'Disconnected': {
      const address = `${msg.peerHost}:${msg.peerPort}`;
      if (!s.masters.includes(address)) return;
      c.k.log(p.pid, `Error connecting to master ${address}.`, 'ERROR');
      s.lostMasters.add(address);
      if (s.masters.every((m) => s.lostMasters.has(m))) {
        c.k.log(p.pid, 'No master is available, exiting.', 'ERROR');
        c.exitProcess(p.pid, 255);
      }
      return;
    }
    default:
      c.k.log(p.pid, `spark-submit received unexpected message ${msg.type}`, 'WARN');
  }
}

function legacyStart(c: SparkCluster, p: Process<SubmitClientState>): void {
  const s = p.state;
  for (const m of s.masters) {
    c.k.log(p.pid, `Sending launch command to spark://${m}`);
    c.askTo(
      p.pid,
      CLIENT_EP,
      m,
      'Master',
      { type: 'RequestSubmitDriver', driverDescription: s.driverDescription },
      s.askTimeoutMs,
    );
  }
  c.k.timer(p.pid, CLIENT_EP, FIRST_STATUS_POLL_MS, { type: 'MonitorDriverStatus' });
}

function reportDriverStatus(
  c: SparkCluster,
  p: Process<SubmitClientState>,
  msg: Extract<SparkMessage, { type: 'DriverStatusResponse' }>,
): void {
  const s = p.state;
  const id = s.submittedDriverId;
  if (msg.found && msg.state) {
    if (!s.reportedRunning) {
      c.k.log(p.pid, `State of ${id} is ${msg.state}`);
      if (msg.state === 'RUNNING' && msg.workerHostPort && msg.workerId)
        c.k.log(p.pid, `Driver running on ${msg.workerHostPort} (${msg.workerId})`);
      s.reportedRunning = true;
    }
    if (msg.exception) {
      c.k.log(p.pid, `Exception from cluster was: ${msg.exception}`, 'ERROR');
      c.exitProcess(p.pid, 255);
      return;
    }
    if (msg.state === 'FINISHED' || msg.state === 'FAILED' || msg.state === 'ERROR' || msg.state === 'KILLED') {
      c.k.log(p.pid, `State of driver ${id} is ${msg.state}, exiting spark-submit JVM.`);
      c.exitProcess(p.pid, 0);
    } else if (!s.waitAppCompletion) {
      c.k.log(p.pid, 'spark-submit not configured to wait for completion, exiting spark-submit JVM.');
      c.exitProcess(p.pid, 0);
    }
    return;
  }
  if (responseFromBackup(msg.exception)) return;
  c.k.log(p.pid, `ERROR: Cluster master did not recognize ${id}`, 'ERROR');
  c.exitProcess(p.pid, 255);
}

function restCreateSubmission(c: SparkCluster, p: Process<SubmitClientState>): void {
  const s = p.state;
  // The REST client talks HTTP to the host:port of the master URL (6066 by default).
  const target = s.masters.find((m) => c.resolve(m) !== 0 && c.k.proc(c.resolve(m)).alive);
  if (!target) {
    c.k.log(
      p.pid,
      `Master endpoint spark://${s.masters.join(',')} was not a REST server. Falling back to legacy submission gateway instead.`,
      'WARN',
    );
    s.gateway = 'legacy';
    legacyStart(c, p);
    return;
  }
  c.k.log(p.pid, `Submitting a request to launch an application in spark://${target}.`);
  c.askTo(
    p.pid,
    REST_CLIENT_EP,
    target,
    'StandaloneRestServer',
    {
      type: 'CreateSubmissionRequest',
      appResource: s.appResource,
      mainClass: s.mainClass,
      appArgs: s.appArgs,
      sparkProperties: s.sparkProperties,
      behaviour: s.driverDescription.behaviour,
    },
    s.askTimeoutMs,
  );
  s.activeMaster = target;
}

function restPoll(c: SparkCluster, p: Process<SubmitClientState>): void {
  const s = p.state;
  if (!s.activeMaster) return;
  s.statusTries += 1;
  c.askTo(
    p.pid,
    REST_CLIENT_EP,
    s.activeMaster,
    'StandaloneRestServer',
    { type: 'SubmissionStatusRequest', submissionId: s.submittedDriverId },
    s.askTimeoutMs,
  );
}
