import { randomUUID } from 'node:crypto';
import { RpcGate, rpcOk, type RpcProduct } from '../alibaba-rpc.js';
import { record } from '../../core/vendors/read.js';
import { sampleOf } from '../schema-sample.js';
import type { SandboxContext, SandboxRequest, SandboxResponse, VendorSimulator } from '../types.js';
import type { DyvmsHandler, DyvmsScope } from './handler.js';
import { ReceiptTracker } from './receipts.js';
import { RobotTasks } from './robot.js';
import { singleCallHandlers } from './single-calls.js';
import { DyvmsState } from './state.js';
import { TaskCenter } from './task-center.js';

/** Operations whose success Code is "200" rather than "OK". */
const CODE_200 = new Set([
  'AddVirtualNumberRelation',
  'QueryVirtualNumber',
  'QueryVirtualNumberRelation',
  'CreateCallTask',
  'ExecuteCallTask',
  'ListCallTask',
  'GetMqttToken',
  'RefreshMqttToken',
]);

export const DYVMS_PRODUCT: RpcProduct = {
  product: 'dyvms',
  version: '2017-05-25',
  host: 'dyvmsapi.aliyuncs.com',
  recommendName: 'Dyvmsapi',
  listLimitCodes: { 'dyvms.UploadRobotTaskCalledFile': { field: 'CalledNumber', code: 'isv.VOICE_ROBOT_CALLEE_LIMIT' } },
};

/** A documented-shape answer for catalog operations without dedicated behaviour. */
const generic: DyvmsHandler = ({ call }) => {
  const sample = call.operation ? record(sampleOf(call.operation.output)) : {};
  const code = CODE_200.has(call.action) ? '200' : 'OK';
  return rpcOk(call.requestId, { ...sample, Code: code, Message: code === 'OK' ? 'OK' : 'successful' });
};

export function createDyvmsSimulator(options: { qps?: Record<string, number> } = {}): VendorSimulator & { gate: RpcGate } {
  const state = new DyvmsState();
  const receipts = new ReceiptTracker();
  const robot = new RobotTasks();
  const taskCenter = new TaskCenter();
  const handlers: Record<string, DyvmsHandler> = { ...singleCallHandlers, ...robot.handlers, ...taskCenter.handlers };
  const gate = new RpcGate({ ...DYVMS_PRODUCT, extraActions: Object.keys(handlers), qps: options.qps });

  return {
    vendor: 'dyvms',
    gate,
    handle(request: SandboxRequest, context: SandboxContext): SandboxResponse {
      if (!/^\/*$/.test(request.path)) {
        return gate.error(404, 'InvalidApi.NotFound', 'Specified api is not found, please check your url and method.', randomUUID().toUpperCase());
      }
      const checked = gate.check(request, context);
      if (!checked.ok) return checked.response;
      const scope: DyvmsScope = { call: checked.call, context, state, gate, receipts };
      return (handlers[checked.call.action] ?? generic)(scope);
    },
    tick(context: SandboxContext) {
      robot.tick({ context, state, receipts });
      taskCenter.tick({ context, state, receipts });
      receipts.tick(context);
    },
    faultResponse(fault) {
      return fault === '5xx'
        ? gate.error(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.', randomUUID().toUpperCase())
        : gate.error(400, 'Throttling.User', 'Request was denied due to user flow control.', randomUUID().toUpperCase());
    },
    reset() {
      state.reset();
      receipts.reset();
      robot.reset();
      taskCenter.reset();
      gate.reset();
    },
  };
}

export default createDyvmsSimulator;
