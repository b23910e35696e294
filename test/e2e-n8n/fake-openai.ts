import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message of a Chat Completions request, as n8n's LangChain OpenAI model sends it. */
export interface ChatMessage {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
}

export interface ChatRequest {
  model?: string;
  stream?: boolean;
  messages: ChatMessage[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
  [key: string]: unknown;
}

/** What the scripted model answers: call one tool, or say something final. */
export type ScriptedReply = { toolCall: { name: string; arguments: Record<string, unknown> } } | { content: string };

export interface FakeOpenAi {
  /** Base URL to put in n8n's OpenAI credential (ends in /v1). */
  url: string;
  /** Every chat completion request received, in order. */
  requests: ChatRequest[];
  /** Every Authorization header received (to prove the credential was used). */
  authorizations: string[];
  close(): Promise<void>;
}

/** The text of the tool results in a request (role "tool" messages). */
export function toolResults(request: ChatRequest): string[] {
  return request.messages
    .filter((m) => m.role === 'tool')
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    req.on('error', reject);
  });
}

function completion(model: string, reply: ScriptedReply, n: number) {
  const message =
    'toolCall' in reply
      ? {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: `call_${n}`, type: 'function', function: { name: reply.toolCall.name, arguments: JSON.stringify(reply.toolCall.arguments) } }],
        }
      : { role: 'assistant', content: reply.content };
  return {
    id: `chatcmpl-fake-${n}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: 'toolCall' in reply ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

function streamChunks(model: string, reply: ScriptedReply, n: number): unknown[] {
  const base = { id: `chatcmpl-fake-${n}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
  const delta =
    'toolCall' in reply
      ? {
          role: 'assistant',
          content: null,
          tool_calls: [{ index: 0, id: `call_${n}`, type: 'function', function: { name: reply.toolCall.name, arguments: JSON.stringify(reply.toolCall.arguments) } }],
        }
      : { role: 'assistant', content: reply.content };
  return [
    { ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'toolCall' in reply ? 'tool_calls' : 'stop' }] },
    { ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } },
  ];
}

/**
 * A scripted OpenAI-compatible server on 127.0.0.1 (Chat Completions, with or without
 * streaming, and GET /models). `script` decides each answer from the request; by default the
 * model calls `toolCall` once and then answers with the text of the tool result it got back.
 */
export async function startFakeOpenAi(script: (request: ChatRequest, index: number) => ScriptedReply): Promise<FakeOpenAi> {
  const requests: ChatRequest[] = [];
  const authorizations: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      authorizations.push(String(req.headers.authorization ?? ''));
      if (req.method === 'GET' && path.endsWith('/models')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'callbridge-tests' }] }));
        return;
      }
      if (req.method === 'POST' && path.endsWith('/chat/completions')) {
        const body = (await readJson(req)) as ChatRequest;
        const index = requests.length;
        requests.push(body);
        const reply = script(body, index);
        const model = body.model ?? 'fake-model';
        if (body.stream) {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
          for (const chunk of streamChunks(model, reply, index)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
          res.end('data: [DONE]\n\n');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(completion(model, reply, index)));
        }
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `fake OpenAI: no route ${req.method} ${path}`, type: 'invalid_request_error' } }));
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(error), type: 'server_error' } }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    authorizations,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The usual script: call the first offered tool with `args`, then repeat the tool result as the answer. */
export function callToolOnce(args: Record<string, unknown>, toolName?: string) {
  return (request: ChatRequest): ScriptedReply => {
    const results = toolResults(request);
    if (results.length > 0) return { content: `Tool said: ${results.join('\n')}` };
    const name = toolName ?? request.tools?.[0]?.function.name;
    if (!name) return { content: 'No tool was offered to me.' };
    return { toolCall: { name, arguments: args } };
  };
}
