// Workflows in n8n's export format, and what `n8n execute` prints.

/** A workflow node in n8n's export format. */
export interface WorkflowNode {
  id?: string;
  name: string;
  type: string;
  typeVersion: number;
  position?: [number, number];
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
  webhookId?: string;
  [key: string]: unknown;
}

export interface Workflow {
  id: string;
  name: string;
  nodes: WorkflowNode[];
  connections: Record<string, Record<string, { node: string; type: string; index: number }[][]>>;
  active?: boolean;
  settings?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * A workflow whose nodes run one after the other on their main output (n8n export format),
 * plus extra connections (e.g. `ai_tool`) given as [from, type, to].
 */
export function workflow(id: string, name: string, nodes: WorkflowNode[], extra: [string, string, string][] = []): Workflow {
  const placed = nodes.map((n, i) => ({ id: n.id ?? `${id}-n${i}`, position: n.position ?? ([i * 220, 0] as [number, number]), ...n }));
  const connections: Workflow['connections'] = {};
  const connect = (from: string, type: string, to: string) => {
    connections[from] ??= {};
    connections[from][type] ??= [[]];
    connections[from][type][0].push({ node: to, type, index: 0 });
  };
  const main = placed.filter((n) => !extra.some(([from, type]) => from === n.name && type !== 'main'));
  for (let i = 1; i < main.length; i++) connect(main[i - 1].name, 'main', main[i].name);
  for (const [from, type, to] of extra) connect(from, type, to);
  return { id, name, active: false, nodes: placed, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** What `n8n execute` prints: the run's JSON (data.resultData.runData per node). */
export interface ExecutionJson {
  status?: string;
  finished?: boolean;
  data: {
    resultData: {
      runData: Record<string, { executionStatus?: string; error?: unknown; data?: { main?: ({ json: Record<string, unknown>; binary?: Record<string, unknown> }[] | null)[] } }[]>;
      error?: { message?: string; description?: string };
      lastNodeExecuted?: string;
    };
  };
}

/** The items a node put out on its first main output, in its last run. */
export function nodeItems(execution: ExecutionJson, nodeName: string): Record<string, unknown>[] {
  const runs = execution.data.resultData.runData[nodeName];
  if (!runs?.length) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(execution.data.resultData.runData).join(', ')}`);
  return (runs[runs.length - 1].data?.main?.[0] ?? []).map((item) => item.json);
}

