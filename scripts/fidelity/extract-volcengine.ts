// Extracts test/fixtures/fidelity/volcengine.json from a local mirror of volcengine/volcengine-go-sdk
// (service/vms, generated from the 2022-01-01 API): per catalog action, its input fields (names, Go types,
// required/min/max tags), HTTP method and body style, and the output (Result) fields.
// Usage: npx tsx scripts/fidelity/extract-volcengine.ts <git dir of the mirror> [commit]
import { execFileSync } from 'node:child_process';
import { operations } from '../../core/catalog/index.js';
import { gitHead, gitShow, writeFixture, type FactType, type FidelityFixture, type FieldFact, type OperationFact, type ParamFact } from './fixture.js';

const REPOSITORY = 'volcengine/volcengine-go-sdk';
const FOLDER = 'service/vms';

interface GoField {
  name: string;
  list: boolean;
  goType: string;
  tags: Record<string, string>;
}

/** Every `type X struct { ... }` of a Go file: struct name -> fields (the `_ struct{}` marker and Metadata left out). */
function goStructs(source: string): Map<string, GoField[]> {
  const structs = new Map<string, GoField[]>();
  for (const m of source.matchAll(/^type (\w+) struct \{\n([\s\S]*?)\n\}/gm)) {
    const fields: GoField[] = [];
    for (const line of m[2].split('\n')) {
      const f = /^\t(\w+) (\[\])?\*?([\w.]+)(?: `([^`]*)`)?/.exec(line);
      if (!f || f[1] === '_' || f[1] === 'Metadata') continue;
      const tags = Object.fromEntries([...(f[4] ?? '').matchAll(/(\w+):"([^"]*)"/g)].map((t) => [t[1], t[2]]));
      fields.push({ name: f[1], list: f[2] === '[]', goType: f[3], tags });
    }
    structs.set(m[1], fields);
  }
  return structs;
}

function scalarType(goType: string, structs: Map<string, GoField[]>): FactType {
  if (goType === 'string') return 'string';
  if (/^u?int(8|16|32|64)?$/.test(goType)) return 'integer';
  if (/^float(32|64)$/.test(goType)) return 'number';
  if (goType === 'bool') return 'boolean';
  return structs.has(goType) ? 'object' : 'any';
}

function fieldFacts(structs: Map<string, GoField[]>, name: string, depth = 0): Record<string, FieldFact> {
  const out: Record<string, FieldFact> = {};
  for (const f of structs.get(name) ?? []) {
    const fact: FieldFact = { type: f.list ? 'array' : scalarType(f.goType, structs) };
    if (structs.has(f.goType) && depth < 4) fact.fields = fieldFacts(structs, f.goType, depth + 1);
    out[f.name] = fact;
  }
  return out;
}

function paramFacts(structs: Map<string, GoField[]>, name: string): Record<string, ParamFact> {
  const out: Record<string, ParamFact> = {};
  for (const f of structs.get(name) ?? []) {
    const type = scalarType(f.goType, structs);
    const fact: ParamFact = f.list ? { type: 'array', items: type, required: f.tags.required === 'true' } : { type, required: f.tags.required === 'true' };
    if (f.tags.min && type === 'string') fact.minLength = Number(f.tags.min);
    if (f.tags.max && type === 'string') fact.maxLength = Number(f.tags.max);
    if (type === 'object') fact.fields = paramFacts(structs, f.goType);
    out[f.name] = fact;
  }
  return out;
}

function operationFact(files: Map<string, string>, action: string): OperationFact | { absent: string } {
  const file = [...files.values()].find((text) => text.includes(`const op${action} = "${action}"`));
  if (!file) return { absent: `${action} is not in ${FOLDER} at this commit (retired or renamed; the SDK has no definition to compare with)` };
  const structs = goStructs(file);
  const requestFn = new RegExp(`func \\(c \\*VMS\\) ${action}Request\\(input \\*${action}Input\\)[\\s\\S]*?\\n\\}`).exec(file)?.[0] ?? '';
  const method = /HTTPMethod: "(GET|POST)"/.exec(requestFn)?.[1] as 'GET' | 'POST';
  const json = requestFn.includes('"Content-Type", "application/json');
  return {
    method,
    body: method === 'GET' ? 'query' : json ? 'json' : 'formData',
    params: paramFacts(structs, `${action}Input`),
    response: fieldFacts(structs, `${action}Output`),
  };
}

const [gitDir, commitArg] = process.argv.slice(2);
if (!gitDir) throw new Error('usage: extract-volcengine.ts <git dir of a volcengine/volcengine-go-sdk mirror> [commit]');
const commit = commitArg ?? gitHead(gitDir);
const paths = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '--name-only', commit, `${FOLDER}/`], { encoding: 'utf8' })
  .split('\n')
  .filter((p) => /\/api_\w+\.go$/.test(p));
const files = new Map(paths.map((p) => [p, gitShow(gitDir, commit, p) ?? '']));
const actions = operations.filter((op) => op.product === 'volcengine').map((op) => op.action).sort();
const fixture: FidelityFixture = {
  source: { repository: REPOSITORY, path: `${FOLDER}/api_*.go`, commit, extractedBy: 'scripts/fidelity/extract-volcengine.ts' },
  operations: Object.fromEntries(actions.map((a) => [a, operationFact(files, a)])),
};
writeFixture('volcengine', fixture);
console.log(`volcengine: ${actions.length} actions from ${REPOSITORY}@${commit.slice(0, 12)}`);
