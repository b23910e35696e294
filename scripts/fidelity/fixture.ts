// The shape of the vendor-fidelity fixtures (test/fixtures/fidelity/*.json): what a vendor's own SDK states
// about each operation, extracted by scripts/fidelity/extract-*.ts and compared with the catalog by
// test/catalog/fidelity.test.ts.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A value's type in the SDK's own words, reduced to JSON terms. */
export type FactType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'any';

export interface ParamFact {
  type: FactType;
  /** Item type of an array. */
  items?: FactType;
  required: boolean;
  /** Alibaba: how the SDK puts a list or object on the wire (repeat = Name.1=..., json = JSON text, simple = a,b,c). */
  style?: 'repeat' | 'json' | 'simple';
  minLength?: number;
  maxLength?: number;
  /** Unit of minLength/maxLength when the SDK's prose names one. */
  lengthUnit?: 'bytes' | 'characters';
  maxItems?: number;
  /** The SDK's own sentences about limits, kept verbatim for review. */
  limitText?: string[];
  /** Fields of an object, or of each item of a list of objects, when the SDK models them. */
  fields?: Record<string, ParamFact>;
}

export interface FieldFact {
  type: FactType;
  /** Fields of an object, or of each item of an array of objects. */
  fields?: Record<string, FieldFact>;
}

export interface OperationFact {
  method: 'GET' | 'POST';
  /** formData = Alibaba RPC form parameters; json = JSON body; query = GET query string. */
  body: 'formData' | 'json' | 'query';
  params: Record<string, ParamFact>;
  /** The response body's fields (Volcengine: the fields of Result). */
  response: Record<string, FieldFact>;
}

export interface FidelityFixture {
  source: { repository: string; path: string; commit: string; extractedBy: string };
  /** Per action: its facts, or why the SDK has none (e.g. a retired action). */
  operations: Record<string, OperationFact | { absent: string }>;
}

/** Reads one file of a bare git mirror at a commit. */
export function gitShow(gitDir: string, commit: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

export function gitHead(gitDir: string): string {
  return execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
}

export const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'fidelity');

export function writeFixture(name: string, fixture: FidelityFixture): void {
  writeFileSync(join(FIXTURE_DIR, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
}

const LIMIT_WORDS = /\b(characters?|bytes?|elements?|items?|numbers|at most|up to|maximum|cannot exceed|no more than|less than|fewer than)\b/i;

/** Sentences of SDK prose that state a limit, and the bounds that can be read from them without guessing. */
export function limitsFromProse(text: string, isList: boolean): Pick<ParamFact, 'minLength' | 'maxLength' | 'lengthUnit' | 'maxItems' | 'limitText'> {
  const sentences = text
    .split(/(?<=[.;。])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /\d/.test(s) && LIMIT_WORDS.test(s));
  const out: ReturnType<typeof limitsFromProse> = {};
  if (sentences.length) out.limitText = sentences;
  for (const s of sentences) {
    let m = /\b(\d+) to (\d+) (bytes|characters)\b/i.exec(s);
    if (m) Object.assign(out, { minLength: Number(m[1]), maxLength: Number(m[2]), lengthUnit: m[3].toLowerCase() });
    m = /\b(?:less|fewer) than (\d+) (bytes|characters)\b/i.exec(s);
    if (m) Object.assign(out, { maxLength: Number(m[1]) - 1, lengthUnit: m[2].toLowerCase() });
    m = /\b(?:up to|at most|a maximum of|maximum of|no more than|cannot exceed) (\d+) (bytes|characters)\b/i.exec(s);
    if (m) Object.assign(out, { maxLength: Number(m[1]), lengthUnit: m[2].toLowerCase() });
    if (isList) {
      m = /\b(?:up to|at most|a maximum of|maximum of|no more than|cannot exceed) (\d+) (?!bytes|characters)[a-z]+/i.exec(s);
      if (m) out.maxItems = Number(m[1]);
    }
  }
  return out;
}
