// POST /coordination/pace on `callbridge mcp --http`: a slot on the deployment's shared pacing schedule
// (Redis), for processes that cannot reach Redis themselves: n8n nodes, which may carry no Redis client,
// ask here through n8n's HTTP helper before each vendor request. Body {scope, operation, qps}; answer
// {waitMs}: send after waiting that long. The caller's bearer token is checked by the HTTP server.
import type { ServerResponse } from 'node:http';
import type { ServerDeps } from './context.js';
import { isRecord } from './json.js';

export const PACE_PATH = '/coordination/pace';

/** Takes the next slot of `operation` at `qps` on the schedule of `scope` (vendor + account id). */
export type PaceSlotTaker = (scope: string, operation: string, qps: number) => Promise<{ waitMs: number }>;

export async function answerPace(res: ServerResponse, deps: ServerDeps, body: string): Promise<void> {
  const send = (status: number, answer: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  };
  if (!deps.takePaceSlot) return send(409, { error: 'this server has no shared store: start it with --store redis://… so every process shares one pacing schedule' });
  let request: unknown;
  try {
    request = JSON.parse(body);
  } catch {
    return send(400, { error: 'the body is not JSON; send {"scope": "alibaba:<AccessKey ID>", "operation": "dyvms.GetToken", "qps": 20}' });
  }
  const { scope, operation, qps } = isRecord(request) ? request : {};
  if (typeof scope !== 'string' || !scope || scope.length > 300) return send(400, { error: 'scope must be "<vendor>:<account id>" (at most 300 characters)' });
  if (typeof operation !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(operation)) return send(400, { error: 'operation must be an operation id such as dyvms.GetToken' });
  if (typeof qps !== 'number' || !(qps > 0) || qps > 100_000) return send(400, { error: 'qps must be a number above 0' });
  try {
    send(200, await deps.takePaceSlot(scope, operation, qps));
  } catch (error) {
    send(503, { error: `the shared store cannot be reached (${deps.client.redact(error instanceof Error ? error.message : String(error))}); pace in this process` });
  }
}
