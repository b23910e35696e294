// Renders docs/reliability.md and README.md's Reliability section from the figures of one run of
// test/reliability (docs/reliability-figures.json, copied from artifacts/reliability/ by report.ts).
// Pure: the same figures always give the same text, so test/reliability/report.test.ts can check the docs.

export type Json = Record<string, unknown>;
export type Figures = Record<string, Json>;

const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? '–'));
const table = (head: string[], rows: unknown[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => String(c)).join(' | ')} |`)].join('\n');

export function renderReliability(figures: Figures): string {
  const load = (name: string): Json | undefined => figures[name];
  const nd = load('no-duplicate-calls');
  const props = load('properties');
  const pbx = (load('pbx-session')?.results ?? {}) as Json;
  const secrets = (load('secrets')?.scan ?? {}) as Json;
  const n8n = (secrets.n8n ?? {}) as Json;
  const mcp = (load('mcp-load')?.http ?? {}) as Json;
  const core = (nd?.core ?? {}) as Json;
  const cli = (nd?.cli ?? {}) as Json;
  const ops = (core.operations ?? {}) as Record<string, Json>;
  // Gaps the last run still found; the guarantees name their exceptions only while there are some.
  const idGaps = Object.entries(ops).filter(([, o]) => Number(o.outcomeUnknown ?? 0) > 0 && Number(o.unknownNamingIdentifier ?? 0) < Number(o.outcomeUnknown ?? 0));
  const leaks = (secrets.knownLeaks ?? []) as string[];
  const keepAliveLost = Number(mcp.keepAliveRaceErrors ?? 0);

  const out: string[] = [];
  out.push(`# Reliability

  What callbridge guarantees, and the figures the tests in \`test/reliability/\` measured. They run in CI
  with \`npm test\`; this page is written from their last run by \`npx tsx test/reliability/report.ts\`
  (figures from ${String(core._updated ?? nd?._updated ?? '–').slice(0, 10)}, Node ${String(nd?._node ?? '–')}, ${n(nd?._cpus)} CPUs, a shared machine:
  absolute timings are indicative).

  ## Guarantees

  1. **A billed call is never placed twice because of a retry.** Reads are retried on network errors,
     5xx and throttling. Billed (\`call\`) and \`write\` operations are retried only when the request
     provably was not carried out (connection refused before sending, the vendor's throttling answer,
     the PBX refusing an expired session token). Anything else that may have been carried out is
     reported as \`outcome_unknown\`, not retried. Every retry is signed afresh.
  2. **An unknown outcome says so** (\`kind: 'outcome_unknown'\`, \`mayHaveBeenProcessed: true\`, CLI exit 1
     with \`outcome=unknown\`) and names the identifier to check (OutId, TaskId, JobGroupId, ...)${idGaps.length ? ', except\n   for the operations listed under *Known gaps*' : ''}.
  3. **Secrets never appear** in any output, error, log line or dry-run preview of the CLI, the MCP
     server (stdio and HTTP) or the n8n nodes${leaks.length ? ', except for the gap listed below' : ''}.
  4. **Bad input is refused before anything is sent**, with a validation error that names the field.
  5. **What is sent is what was meant:** for every operation, random valid inputs survive serialisation
     and signing and are decoded back unchanged by the sandbox's gateway verifiers.
  6. **PBX sessions heal themselves once, and stop before the PBX locks you out.**
  7. **The MCP HTTP server stays correct under load**${keepAliveLost ? ' (apart from the keep-alive gap below)' : ''} and refuses
     requests without the bearer token, from foreign Origins or with oversized bodies.
  `);

  out.push(`## 1. No duplicate billed calls under faults

  Every \`call\` operation of the catalog and the task-creating \`write\` operations, ${n(core.attemptsPerOperation)} intended calls
  each, through the core client (real undici transport) against the sandbox, all operations in parallel
  (${n(core.concurrencyPerOperation)} at a time per operation). Each intended call has its own callee number and identifier; the
  preparation it needs (the task a Start operation starts, the job group jobs are added to) is made
  without faults. Faults on every request of the operation under test: ${Object.entries((core.faultProbabilities ?? {}) as Json)
    .map(([k, v]) => `${k} ${Number(v) * 100}%`)
    .join(', ')}, ${n(core.latencyMs)} ms latency; and
  ${Number(core.shortTimeoutShare ?? 0) * 100}% of the attempts go over a loopback link that holds every answer ${n(core.slowLinkMs)} ms, with a client timeout of
  ${n(core.shortTimeoutMs)} ms (read timeouts after the vendor processed the request).

  Checked against the sandbox's own record (\`GET /_sandbox/calls\`, the vendors' list operations) and
  against every request the simulators actually processed:

  - no intended call was placed twice, and calls placed ≤ (succeeded + outcome unknown) × calls per request;
  - no request was sent again after it may have been processed (a refused-and-retried request counts once);
  - a success placed its call(s); a definite failure placed nothing and created nothing;
  - every attempt that may have been carried out was reported as \`outcome_unknown\`.

  Run: ${n(core.totalMs)} ms in all (preparation ${n((core.phases as Json | undefined)?.prepareMs)} ms, attempts ${n((core.phases as Json | undefined)?.attemptsMs)} ms).${
    Array.isArray(core.notRun) && core.notRun.length ? ` Not run (simulator missing): ${(core.notRun as string[]).join(', ')}.` : ''
  }
  `);
  out.push(
    table(
      ['operation', 'attempts', 'succeeded', 'unknown (took effect / not)', 'failed', 'requests', 'timeouts', 'resets', '5xx', 'throttled', 'calls placed', 'placed twice', 're-sent after processing', 'unknown naming the id'],
      Object.entries(ops)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, o]) => {
          const f = (o.faultsSeenByClient ?? {}) as Json;
          const unknown = Number(o.outcomeUnknown ?? 0);
          const placed = Number(o.unknownThatTookEffect ?? 0);
          return [
            `\`${id}\``,
            n(o.attempts),
            n(o.succeeded),
            `${n(unknown)} (${n(placed)} / ${n(unknown - placed)})`,
            n(o.failedDefinitely),
            n(o.requestsSent),
            n(f.timeouts),
            n(f.resets),
            n(f.http5xx),
            n(f.throttled),
            n(o.callsPlaced),
            n(o.intentsPlacedTwice),
            n(o.resentAfterProcessing),
            `${n(o.unknownNamingIdentifier)} / ${n(unknown)}`,
          ];
        }),
    ),
  );
  const totals = Object.values(ops).reduce<{ attempts: number; placed: number; twice: number; resent: number; unknown: number }>(
    (t, o) => ({
      attempts: t.attempts + Number(o.attempts ?? 0),
      placed: t.placed + Number(o.callsPlaced ?? 0),
      twice: t.twice + Number(o.intentsPlacedTwice ?? 0),
      resent: t.resent + Number(o.resentAfterProcessing ?? 0),
      unknown: t.unknown + Number(o.outcomeUnknown ?? 0),
    }),
    { attempts: 0, placed: 0, twice: 0, resent: 0, unknown: 0 },
  );
  out.push(`
  A PBX has no throttling answer: the sandbox answers an injected "throttle" with errno 30003 (API server not
  running), which the client reports as a plain failure; the test checked that none of those placed a call.

  In all: ${n(totals.attempts)} intended calls over ${Object.keys(ops).length} operations, ${n(totals.unknown)} reported as unknown, ${n(totals.placed)} calls placed,
  **${n(totals.twice)} placed twice, ${n(totals.resent)} re-sent after possible processing.**

  Through the CLI (a sample; each attempt is its own \`callbridge invoke\` process; resets, 5xx and
  throttling only, since the CLI's timeout is fixed at 15 s): ${n(cli.attempts)} attempts over ${((cli.operations ?? []) as string[]).map((o) => `\`${o}\``).join(', ')}:
  ${n(cli.ok)} succeeded, ${n(cli.unknown)} unknown (each naming its identifier), ${n(cli.failed)} failed; ${n(cli.callsPlaced)} calls placed, ${n(cli.intentsPlacedTwice)} twice.
  `);

  const rt = ((props?.roundTrip as Json | undefined)?.operations ?? {}) as Record<string, Json>;
  const rf = ((props?.refusedBeforeSending as Json | undefined)?.operations ?? {}) as Record<string, Json>;
  const sum = (o: Record<string, Json>, k: string) => Object.values(o).reduce((s, v) => s + Number(v[k] ?? 0), 0);
  out.push(`## 2. Serialisation and signing round trip; bad input refused before sending (fast-check)

  - **Round trip:** ${Object.keys(rt).length} operations (all but the client-managed PBX login), ${n((props?.roundTrip as Json | undefined)?.runsPerOperation)} random valid inputs each
    (${n(sum(rt, 'runs'))} in all, ${n(sum(rt, 'randomInputs'))} drawn at random from the input schema blended with the examples, the rest
    examples where the random draw broke a cross-field rule); every run made assertions. Alibaba requests pass the sandbox's RPC
    gateway (signature v1, nonce, timestamp) and decode back to exactly the validated input; Volcengine
    requests pass the sandbox's HMAC-SHA256 verifier with the body/query unchanged; PBX bodies (API v1.1.0)
    equal the validated input. ${n(sum(rt, 'refusedForApiVersion'))} PBX inputs used fields the configured API version lacks and were refused before
    anything was built. The gateway decodes by each operation's definition: comma lists are split even when their
    text starts with "{", and the outboundbot tag operations' own RegionId is validated with the rest.
  - **Refused before sending:** every input rule docs/operations.md states for ${Object.keys(rf).length} operations (required fields, phone
    numbers, patterns, lengths, integer ranges, enums, types, unknown parameters), each broken once with hand-written
    values per kind of rule: ${n(sum(rf, 'cases'))} invalid inputs, ${n(sum(rf, 'refused'))} refused with a validation error naming the field (the
    rest are the client-managed PBX login, refused as such), **0 requests reached the transport** (not even a PBX login).
  `);

  out.push(`## 3. Secrets never leak

  One sandbox with secrets made up for the run; every output scanned for each secret as is, URL-encoded (once and
  twice) and JSON-escaped: ${((secrets.secretsLookedFor ?? []) as string[]).join(', ')}, and all ${n(secrets.pbxTokensIssued)} PBX session tokens the sandbox issued.
  Scenarios: successes, vendor errors, resets and 5xx (outcome unknown), throttling, invalid input, a
  password given as input, dry runs, wrong AccessKey secret / SK / PBX password, an unreachable vendor;
  for MCP HTTP also refusals (no or wrong token, foreign Origin, oversized body, not JSON).
  n8n is a real n8n 2.41.1 with the packed package under \`n8n start\`, logging at debug level: one published
  workflow per scenario (a call refused by the credential's policy stands for the dry run, which the nodes
  do not have), credential tests, a Call Receipt Trigger fed by the sandbox. Scanned: its webhook answers
  (n8n-http), all ${n(n8n.executions)} executions through its public API (n8n-api) and the ${n(n8n.storedExecutions)} in its database with the
  credentials as stored (n8n-db), and ${n(n8n.logBytes)} bytes of its console output and log file (n8n-log). The copy of
  the workflow each execution keeps holds the trigger's token as typed into the node (n8n keeps every node
  parameter so); every other secret is looked for there too.
  `);
  out.push(
    table(
      ['surface', 'outputs scanned', 'bytes of output'],
      Object.entries((secrets.surfaces ?? {}) as Record<string, Json>).map(([s, v]) => [s, n(v.outputs), n(v.bytes)]),
    ),
  );
  out.push(`
  Hits: **${n(Number(secrets.hits ?? 0) - leaks.length)}**${leaks.length ? ` apart from the known gap below (${n(leaks.length)} output${leaks.length === 1 ? '' : 's'} showing the Alibaba STS token double-encoded)` : ''}.
  `);

  out.push(`## 4. PBX session faults

  - **Token expiry mid-run:** ${n((pbx.sequentialExpiry as Json | undefined)?.calls)} sequential dials with the PBX forgetting the token after dial ${n((pbx.sequentialExpiry as Json | undefined)?.tokenExpiredAfterCall)}: ${n((pbx.sequentialExpiry as Json | undefined)?.logins)} logins in
    all (one transparent re-login), ${n((pbx.sequentialExpiry as Json | undefined)?.refusedWithExpiredToken)} request refused with errno 20004 and sent again, every call placed once. ${n(
    (pbx.concurrentExpiry as Json | undefined)?.concurrentCalls,
  )} concurrent dials
    when the token expires: no error, each placed once, ${n((pbx.concurrentExpiry as Json | undefined)?.logins)} logins.
  - **Wrong password:** ${n((pbx.wrongPassword as Json | undefined)?.invocations)} invocations sent ${n((pbx.wrongPassword as Json | undefined)?.loginsSent)} logins, then \`${String((pbx.wrongPassword as Json | undefined)?.then ?? '')}\` without contacting the PBX; the right
    password afterwards: ${String((pbx.wrongPassword as Json | undefined)?.rightPasswordAfterwards ?? '–')} (the PBX locks an IP after 5 failed logins).
  - **Self-signed TLS** (the committed test certificate in test/fixtures/tls, served on 127.0.0.1): refused by
    default (\`${String((pbx.selfSignedDefault as Json | undefined)?.message ?? '')}\`, nothing sent); accepted with
    \`CALLBRIDGE_PBX_INSECURE_TLS=true\` and with the certificate as CA.
  - **Unreachable PBX:** \`${String((pbx['unreachable:pbx.extension.dial_outbound'] as Json | undefined)?.message ?? '')}\`, kind \`network\`, nothing placed, in ${n((pbx['unreachable:pbx.extension.dial_outbound'] as Json | undefined)?.ms)} ms.
  `);

  const perStep = (mcp.perStep ?? {}) as Record<string, Json>;
  out.push(`## 5. MCP over HTTP under load and abuse

  \`callbridge mcp --http\` as its own process on 127.0.0.1 (its vendor client on the in-process
  sandbox), ${n(mcp.clients)} MCP SDK clients (Streamable HTTP, bearer token) listing tools and calling read tools for
  ${n(mcp.seconds)} s: **${n(mcp.requests)} requests, ${n(mcp.errors)} errors**${Number(mcp.keepAliveRaceErrors ?? 0) ? ` apart from ${n(mcp.keepAliveRaceErrors)} requests lost to the keep-alive gap below` : ''}, ${n(mcp.requestsPerSecond)} requests/s, latency p50 **${n(mcp.p50Ms)} ms**, p99 **${n(mcp.p99Ms)} ms** (max ${n(mcp.maxMs)} ms).
  The server builds its \`tools/list\` entries (the tools' JSON Schemas) once, at startup, not on every request.
  The 200 clients share the machine with the server, and much of the CPU goes to the clients (the SDK client compiles
  every tool's output schema on each \`listTools\`).
  `);
  out.push(table(['request', 'count', 'p50 ms', 'p99 ms'], Object.entries(perStep).map(([k, v]) => [k, n(v.count), n(v.p50Ms), n(v.p99Ms)])));
  out.push(`
  Meanwhile ${n(mcp.abusiveRequests)} abusive requests, every one refused:
  `);
  out.push(
    table(
      ['abuse', 'sent', 'expected', 'answered'],
      Object.entries((mcp.refusals ?? {}) as Record<string, Json>).map(([k, v]) => [k, n(v.sent), n(v.expectedStatus), ((v.statuses ?? []) as number[]).map((s) => (s === -1 ? 'connection cut' : s)).join(', ')]),
    ),
  );

  const gaps: string[] = [];
  if (idGaps.length) {
    gaps.push(`- **Unknown outcomes without an identifier** for ${idGaps.map(([id]) => `\`${id}\``).join(', ')}: the client names only a fixed list of
    top-level fields (OutId, CallId, TaskId, Id, JobGroupId, JobId, Name, TaskName, JobGroupName); Volcengine's
    TaskOpenId, a SingleOpenId inside List, BatchJobName, a contact's referenceId inside JobJson and the
    PBX's dialled number (outto) are not named.`);
  }
  if (leaks.length) {
    gaps.push(`- **The Alibaba STS token, double-encoded, in vendor messages:** secrets are redacted as is,
    URL-encoded and JSON-escaped, but the gateway's SignatureDoesNotMatch message repeats its "string to
    sign", where the STS token is URL-encoded twice, and error messages pass that text on.
    Seen in: ${leaks.map((l) => l.replace(/: alibabaStsToken.*$/, '')).join('; ')}.`);
  }
  if (pbx.pbxInsecureTlsAlsoAcceptsSelfSignedCloudEndpoints) {
    gaps.push(`- **\`CALLBRIDGE_PBX_INSECURE_TLS=true\` turns off certificate checks for every vendor**, not only the PBX:
    the one undici transport applies it to Alibaba and Volcengine endpoints too (a self-signed Volcengine
    endpoint was accepted).`);
  }
  if (keepAliveLost > 0) {
    gaps.push(`- **MCP HTTP keep-alive:** \`mcp/server/http.ts\` keeps Node's default 5 s keep-alive timeout. With the
    server busy, it closes reused connections whose next request has already arrived, and clients get
    "fetch failed (other side closed)": ${n(mcp.keepAliveRaceErrors)} of ${n(Number(mcp.requests ?? 0))} requests in this run. The same run with the timeout raised
    to 65 s had none.`);
  }
  out.push(`
  ## Known gaps (found by these tests; each is an expected failure in the suite until fixed)

  ${gaps.length ? gaps.join('\n') : 'None in this run.'}

  ## Reproduce

  \`\`\`sh
  npx vitest run test/reliability          # about 3 minutes; figures in artifacts/reliability/
  npx tsx test/reliability/report.ts        # rewrites this page
  \`\`\`

  Knobs: \`CALLBRIDGE_RELIABILITY_ATTEMPTS\` (default 1000 per operation), \`CALLBRIDGE_PROPERTY_RUNS\` /
  \`CALLBRIDGE_PROPERTY_SEED\`, \`CALLBRIDGE_LOAD_CLIENTS\` (200), \`CALLBRIDGE_LOAD_SECONDS\` (30).
  `);
  return `${out.join('\n')}\n`;
}

const sec = (ms: unknown) => (typeof ms === 'number' ? `${(ms / 1000).toFixed(1)} s` : '–');

/** README.md's Reliability section (between its reliability markers), every figure from the same run. */
export function renderReadmeSection(figures: Figures): string {
  const core = ((figures['no-duplicate-calls'] ?? {}).core ?? {}) as Json;
  const ops = Object.values((core.operations ?? {}) as Record<string, Json>);
  const total = (k: string) => ops.reduce((t, o) => t + Number(o[k] ?? 0), 0);
  const secrets = ((figures.secrets ?? {}).scan ?? {}) as Json;
  const scanned = Object.values((secrets.surfaces ?? {}) as Record<string, Json>).reduce((t, v) => t + Number(v.bytes ?? 0), 0);
  const props = figures.properties ?? {};
  const refused = Object.values(((props.refusedBeforeSending as Json | undefined)?.operations ?? {}) as Record<string, Json>);
  const roundTrip = Object.values(((props.roundTrip as Json | undefined)?.operations ?? {}) as Record<string, Json>);
  const pbx = ((figures['pbx-session'] ?? {}).results ?? {}) as Json;
  const wrong = (pbx.wrongPassword ?? {}) as Json;
  const concurrent = (pbx.concurrentExpiry ?? {}) as Json;
  const mcp = ((figures['mcp-load'] ?? {}).http ?? {}) as Json;
  return `What is guaranteed, proven by \`test/reliability/\` on every CI run (full figures and method:
[docs/reliability.md](docs/reliability.md); this section is written from the same run by \`npx tsx test/reliability/report.ts\`):

- **No billed call is placed twice because of a retry.** ${n(ops.length)} operations (every \`call\` operation and
  the task-creating writes) × ${n(core.attemptsPerOperation)} intended calls each under injected resets before and after
  processing, read timeouts, 5xx and throttling: ${n(total('attempts'))} intents, ${n(total('outcomeUnknown'))} reported as *outcome unknown*
  (${n(total('unknownNamingIdentifier'))} naming the OutId/TaskId/number to check), **${n(total('intentsPlacedTwice'))} calls placed twice, ${n(total('resentAfterProcessing'))} requests re-sent after
  they may have been processed**.
- **Secrets never leak.** The CLI, the MCP server (stdio, HTTP, dry run) and a real n8n were run
  through successes, vendor errors, network faults, invalid input and dry runs; ${n(scanned)} bytes of output and logs
  scanned for every secret, raw, URL-encoded once and twice, and JSON-escaped: **${n(secrets.hits)} hits**.
- **Bad input never reaches the wire.** Every input rule docs/operations.md states for ${n(refused.length)} operations, broken once
  each: ${n(refused.reduce((t, o) => t + Number(o.cases ?? 0), 0))} invalid inputs, ${n(refused.reduce((t, o) => t + Number(o.refused ?? 0), 0))} refusals naming the field, **0 requests sent**; ${n(roundTrip.reduce((t, o) => t + Number(o.runs ?? 0), 0))} random valid
  inputs survive serialisation and signing through the sandbox's verifiers unchanged.
- **PBX sessions** re-login once on an expired token (${n(concurrent.concurrentCalls)} concurrent calls: ${n(concurrent.logins)} re-login), stop after
  ${n(wrong.loginsSent)} failed logins (before the PBX's lockout at 5), refuse self-signed certificates unless opted in (for the PBX's URL only).
- **MCP over HTTP:** ${n(mcp.clients)} concurrent clients for ${n(mcp.seconds)} s: ${n(mcp.requests)} requests, **${n(mcp.errors)} errors** (p50 ${sec(mcp.p50Ms)},
  p99 ${sec(mcp.p99Ms)} on a shared ${n((figures['mcp-load'] ?? {})._cpus)}-core machine); missing/wrong tokens, foreign Origins and oversized bodies
  are refused.
`;
}

export const README_START = '<!-- reliability:start -->';
export const README_END = '<!-- reliability:end -->';

/** README.md's text between the reliability markers. */
export function readmeSection(readme: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  return start < 0 || end < start ? undefined : readme.slice(start + README_START.length + 1, end);
}
