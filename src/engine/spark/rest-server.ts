// Models deploy/rest/StandaloneRestServer.scala: the REST submission gateway (spark.master.rest.port,
// 6066) that runs inside the Master's JVM. Its servlets turn an HTTP CreateSubmissionRequest or
// SubmissionStatusRequest into the same RequestSubmitDriver / RequestDriverStatus asks the legacy
// gateway sends the Master endpoint, and answer the HTTP request when the Master replies.
import type { Delivery, Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import type { MasterState } from './master-state';
import { MASTER_EP } from './master-state';
import { memoryStringToMb } from './memory';
import type { AppBehaviour, DriverDescription, SparkMessage } from './messages';

/** The endpoint the REST server is reached at on the Master's REST port. */
export const REST_EP = 'StandaloneRestServer';

/** StandaloneSubmitRequestServlet / StandaloneStatusRequestServlet: the Master is asked on the client's behalf. */
export function restServerReceive(c: SparkCluster, p: Process<MasterState>, d: Delivery): void {
  const m = p.state;
  const msg = d.msg as SparkMessage;
  if (msg.type === 'CreateSubmissionRequest') {
    const props = msg.sparkProperties;
    // The driver is told the Master's RPC URL, not the REST server's (StandaloneSubmitRequestServlet).
    const desc = restDriverDescription(
      msg.appResource,
      msg.mainClass,
      msg.appArgs,
      { ...props, 'spark.master': m.masterUrl },
      msg.behaviour,
    );
    const askId = c.k.ask(
      p.pid,
      REST_EP,
      p.pid,
      MASTER_EP,
      { type: 'RequestSubmitDriver', driverDescription: desc },
      c.settings.askTimeoutMs,
    );
    m.restPending.set(askId, { client: d.from, clientEp: d.fromEp, askId: d.askId, kind: 'create' });
  } else if (msg.type === 'SubmissionStatusRequest') {
    const askId = c.k.ask(
      p.pid,
      REST_EP,
      p.pid,
      MASTER_EP,
      { type: 'RequestDriverStatus', driverId: msg.submissionId },
      c.settings.askTimeoutMs,
    );
    m.restPending.set(askId, { client: d.from, clientEp: d.fromEp, askId: d.askId, kind: 'status' });
  }
}

export function restServerReply(c: SparkCluster, p: Process<MasterState>, d: Delivery): void {
  const m = p.state;
  const pending = m.restPending.get(d.replyTo);
  if (!pending) return;
  m.restPending.delete(d.replyTo);
  const msg = d.msg as SparkMessage;
  const httpRequest: Delivery = {
    ...d,
    to: p.pid,
    ep: REST_EP,
    from: pending.client,
    fromEp: pending.clientEp,
    askId: pending.askId,
  };
  if (msg.type === 'SubmitDriverResponse') {
    c.k.reply(httpRequest, {
      type: 'CreateSubmissionResponse',
      success: msg.success,
      submissionId: msg.driverId,
      message: msg.message,
    });
  } else if (msg.type === 'DriverStatusResponse') {
    c.k.reply(httpRequest, {
      type: 'SubmissionStatusResponse',
      submissionId: '',
      success: msg.found,
      driverState: msg.state,
      workerId: msg.workerId,
      workerHostPort: msg.workerHostPort,
      message: msg.exception,
    });
  }
}

/** StandaloneSubmitRequestServlet.buildDriverDescription */
function restDriverDescription(
  appResource: string,
  mainClass: string,
  appArgs: string[],
  props: Record<string, string>,
  behaviour: AppBehaviour,
): DriverDescription {
  const mem = props['spark.driver.memory'];
  return {
    jarUrl: appResource,
    mem: mem !== undefined ? memoryStringToMb(mem) : 1024,
    cores: props['spark.driver.cores'] !== undefined ? Number(props['spark.driver.cores']) : 1,
    supervise: props['spark.driver.supervise'] === 'true',
    command: {
      mainClass: 'org.apache.spark.deploy.worker.DriverWrapper',
      arguments: ['{{WORKER_URL}}', '{{USER_JAR}}', mainClass, ...appArgs],
      javaOpts: Object.entries(props).map(([k, v]) => `-D${k}=${v}`),
    },
    behaviour,
  };
}
