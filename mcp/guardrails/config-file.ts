// The JSON config file of `callbridge mcp` and the CLI (--config / CALLBRIDGE_MCP_CONFIG): its schema,
// and reading it with errors that name the place, never the content (it may hold a token).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CallbridgeError } from '../../core/errors.js';

export const TOOLSET_NAMES = ['calls', 'tasks', 'catalog'] as const;
export type ToolsetName = (typeof TOOLSET_NAMES)[number];

/** The file's schema, built when a config file is read (most starts have none: zod schemas are costly to build). */
function buildFileSchema() {
  const capValue = z.union([z.number().int().min(0), z.literal('unlimited')]);
  return z.strictObject({
    host: z.string().optional(),
    port: z.number().int().min(0).max(65535).optional(),
    token: z.string().optional(),
    allowedOrigins: z.array(z.string()).optional(),
    maxBodyBytes: z.number().int().min(1024).optional(),
    confirmKey: z.string().min(32).optional(),
    oauthIssuer: z.url().optional(),
    oauthAudience: z.string().optional(),
    publicUrl: z.url().optional(),
    toolsets: z.array(z.enum(TOOLSET_NAMES)).optional(),
    readOnly: z.boolean().optional(),
    allowCalls: z.boolean().optional(),
    confirm: z.boolean().optional(),
    dryRun: z.boolean().optional(),
    allowNumbers: z.array(z.string()).optional(),
    denyNumbers: z.array(z.string()).optional(),
    callingHours: z.union([z.string(), z.literal(false)]).optional(),
    timezone: z.string().optional(),
    numberTimezones: z.record(z.string(), z.string()).optional(),
    caps: z
      .strictObject({ perNumberPerHour: capValue.optional(), perNumberPerDay: capValue.optional(), perHour: capValue.optional(), perDay: capValue.optional() })
      .optional(),
    maxConcurrentCalls: capValue.optional(),
    callMaxSeconds: z.number().int().min(1).optional(),
    taskPollSeconds: z.number().int().min(1).max(86_400).optional(),
    stateFile: z.string().optional(),
    store: z.string().optional(),
    allowUnknownCallees: z.boolean().optional(),
    pbxDialPrefixes: z.array(z.string().regex(/^\d{1,4}$/)).optional(),
    pbxRegion: z.string().regex(/^[A-Z]{2}$/).optional(),
    outboundbotInstanceId: z.string().optional(),
    volcengineNumberPool: z.string().optional(),
  });
}

let fileSchema: ReturnType<typeof buildFileSchema> | undefined;

export type McpConfigFile = z.infer<ReturnType<typeof buildFileSchema>>;

function configError(field: string, message: string): CallbridgeError {
  return new CallbridgeError({ kind: 'config', field, message });
}

/** Line and column (1-based) where JSON text stops being valid: the first prefix that cannot be continued. */
function jsonErrorPlace(text: string): { line: number; column: number } {
  let at = text.length;
  for (let i = 1; i <= text.length; i++) {
    try {
      JSON.parse(text.slice(0, i));
    } catch (error) {
      if (/end of (JSON )?input|Unterminated|Expected/.test(String(error)) && i < text.length) continue;
      if (i === text.length) break;
      at = i - 1;
      break;
    }
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export function readConfigFile(path: string): McpConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw configError('--config', `cannot read config file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the file's text, which may hold a token: name the place only.
    const { line, column } = jsonErrorPlace(text);
    throw configError('--config', `config file ${path} is not valid JSON (line ${line}, column ${column}).`);
  }
  fileSchema ??= buildFileSchema();
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(file)');
    throw configError('--config', `config file ${path}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}
