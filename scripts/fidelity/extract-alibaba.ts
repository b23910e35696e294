// Extracts test/fixtures/fidelity/{dyvms,outboundbot}.json from a local mirror of
// aliyun/alibabacloud-typescript-sdk: per catalog action, its parameters (names, types, required flags, wire
// style, limits stated in the SDK's remarks), HTTP method and body style (client.ts), and response fields.
// Usage: npx tsx scripts/fidelity/extract-alibaba.ts <git dir of the mirror> [commit]
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { operations } from '../../core/catalog/index.js';
import {
  gitHead,
  gitShow,
  limitsFromProse,
  writeFixture,
  type FactType,
  type FidelityFixture,
  type FieldFact,
  type OperationFact,
  type ParamFact,
} from './fixture.js';

const REPOSITORY = 'aliyun/alibabacloud-typescript-sdk';
const FOLDERS = { dyvms: 'dyvmsapi-20170525', outboundbot: 'outboundbot-20191226' } as const;
/** Parameters every Alibaba RPC model carries for resource-owner delegation; callbridge never sends them. */
const OWNER_PARAMS = new Set(['OwnerId', 'ResourceOwnerAccount', 'ResourceOwnerId']);

interface ModelField {
  wireName: string;
  /** The types() entry: 'string', a class name, or { type: 'array' | 'map', itemType, ... }. */
  type: string | Record<string, string>;
  remarks: string;
}

/** The $dara.Model classes of one file: class name -> property -> field. */
function modelClasses(source: string): Map<string, Map<string, ModelField>> {
  const file = ts.createSourceFile('m.ts', source, ts.ScriptTarget.ES2022, true);
  const classes = new Map<string, Map<string, ModelField>>();
  for (const node of file.statements) {
    if (!ts.isClassDeclaration(node) || !node.name) continue;
    const remarks = new Map<string, string>();
    const names = new Map<string, string>();
    const types = new Map<string, string | Record<string, string>>();
    for (const member of node.members) {
      if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
        const jsDoc = ts.getJSDocCommentsAndTags(member).map((d) => d.getText()).join('\n');
        remarks.set(member.name.text, jsDoc.replace(/^\s*(\/\*\*|\*\/|\*)\s?/gm, ''));
      }
      if (ts.isMethodDeclaration(member) && ts.isIdentifier(member.name) && ['names', 'types'].includes(member.name.text)) {
        const ret = member.body?.statements.find(ts.isReturnStatement);
        if (!ret?.expression || !ts.isObjectLiteralExpression(ret.expression)) continue;
        for (const prop of ret.expression.properties) {
          if (!ts.isPropertyAssignment(prop)) continue;
          const key = prop.name.getText().replace(/['"]/g, '');
          const value = literal(prop.initializer);
          if (member.name.text === 'names' && typeof value === 'string') names.set(key, value);
          if (member.name.text === 'types') types.set(key, value);
        }
      }
    }
    const fields = new Map<string, ModelField>();
    for (const [prop, wireName] of names) fields.set(prop, { wireName, type: types.get(prop) ?? 'any', remarks: remarks.get(prop) ?? '' });
    classes.set(node.name.text, fields);
  }
  return classes;
}

function literal(node: ts.Expression): string | Record<string, string> {
  if (ts.isStringLiteral(node)) return node.text;
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, string> = {};
    for (const p of node.properties) {
      if (ts.isPropertyAssignment(p)) out[p.name.getText().replace(/['"]/g, '')] = ts.isStringLiteral(p.initializer) ? p.initializer.text : p.initializer.getText();
    }
    return out;
  }
  return node.getText();
}

function factType(type: string | Record<string, string>): FactType {
  if (typeof type !== 'string') return type.type === 'array' ? 'array' : 'object';
  if (type === 'string') return 'string';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'any') return 'any';
  return 'object';
}

/** Response fields, following nested model classes of the same file. */
function responseFields(classes: Map<string, Map<string, ModelField>>, className: string, depth = 0): Record<string, FieldFact> {
  const out: Record<string, FieldFact> = {};
  for (const field of classes.get(className)?.values() ?? []) {
    const inner = typeof field.type === 'string' ? field.type : field.type.itemType;
    const fact: FieldFact = { type: factType(field.type) };
    if (inner && classes.has(inner) && depth < 4) fact.fields = responseFields(classes, inner, depth + 1);
    out[field.wireName] = fact;
  }
  return out;
}

/** The body of `async <name>WithOptions(...)` in client.ts. */
function withOptionsBody(client: string, action: string): string | undefined {
  const start = client.indexOf(`async ${action[0].toLowerCase()}${action.slice(1)}WithOptions(`);
  if (start < 0) return undefined;
  const end = client.indexOf('\n  async ', start + 10);
  return client.slice(start, end < 0 ? undefined : end);
}

/** A class of a model file, matched without regard to case (the SDK spells DescribeTTSConfig's model DescribeTtsconfig). */
function classNamed(classes: Map<string, Map<string, ModelField>>, name: string): [string, Map<string, ModelField>] | undefined {
  return [...classes].find(([n]) => n.toLowerCase() === name.toLowerCase());
}

function operationFact(gitDir: string, commit: string, folder: string, client: string, action: string): OperationFact | { absent: string } {
  const body = withOptionsBody(client, action);
  const modelFile = (suffix: string) => {
    const path = modelPaths.get(`${folder}/src/models/${action}${suffix}.ts`.toLowerCase());
    return path ? gitShow(gitDir, commit, path) : undefined;
  };
  const requestFile = modelFile('Request');
  const responseFile = modelFile('ResponseBody');
  if (!body || !responseFile) return { absent: `${action} is not in ${folder}/src/client.ts at this commit` };
  const method = /method: "(GET|POST)"/.exec(body)?.[1] as 'GET' | 'POST';
  const shrinkStyles = new Map<string, 'json' | 'simple'>();
  for (const m of body.matchAll(/arrayToStringWithSpecifiedStyle\(tmpReq\.\w+, "(\w+)", "(json|simple)"\)/g)) shrinkStyles.set(m[1], m[2] as 'json' | 'simple');
  const request = (requestFile && classNamed(modelClasses(requestFile), `${action}Request`)?.[1]) || new Map<string, ModelField>();
  const params: Record<string, ParamFact> = {};
  for (const field of request.values()) {
    if (OWNER_PARAMS.has(field.wireName)) continue;
    const type = factType(field.type);
    const fact: ParamFact = { type, required: /This parameter is required\./.test(field.remarks) };
    if (type === 'array' && typeof field.type !== 'string') fact.items = factType(field.type.itemType ?? 'any');
    if (type === 'array' || type === 'object') fact.style = shrinkStyles.get(field.wireName) ?? (type === 'array' ? 'repeat' : 'json');
    Object.assign(fact, limitsFromProse(field.remarks.replace(/@example[\s\S]*$/, ''), type === 'array'));
    params[field.wireName] = fact;
  }
  const responseClasses = modelClasses(responseFile);
  const responseClass = classNamed(responseClasses, `${action}ResponseBody`)?.[0] ?? '';
  return { method, body: 'formData', params, response: responseFields(responseClasses, responseClass) };
}

const [gitDir, commitArg] = process.argv.slice(2);
if (!gitDir) throw new Error('usage: extract-alibaba.ts <git dir of an aliyun/alibabacloud-typescript-sdk mirror> [commit]');
const commit = commitArg ?? gitHead(gitDir);
/** Lower-cased path -> path of every file under the two folders. */
const modelPaths = new Map(
  execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', commit, ...Object.values(FOLDERS)], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .map((p) => [p.toLowerCase(), p] as const),
);
for (const [product, folder] of Object.entries(FOLDERS)) {
  const path = `${folder}/src/client.ts`;
  const client = gitShow(gitDir, commit, path);
  if (!client) throw new Error(`${path} not found at ${commit}`);
  const actions = operations.filter((op) => op.product === product).map((op) => op.action).sort();
  const fixture: FidelityFixture = {
    source: { repository: REPOSITORY, path: `${folder}/src (client.ts and models/)`, commit, extractedBy: 'scripts/fidelity/extract-alibaba.ts' },
    operations: Object.fromEntries(actions.map((a) => [a, operationFact(gitDir, commit, folder, client, a)])),
  };
  writeFixture(product, fixture);
  console.log(`${product}: ${actions.length} actions from ${REPOSITORY}@${commit.slice(0, 12)}`);
}
