// What every PBX endpoint handler works with: the scope, the PBX's errno failures, and readers of
// the JSON body.
import { textOf } from '../../core/vendors/read.js';
import type { SandboxContext } from '../types.js';
import { type Family, type PbxState, type Session } from './state.js';

export const ERRNO: Record<string, string> = {
  '10003': 'Unsupported API request.',
  '10004': 'The required parameter is blank.',
  '10006': 'The extension does not exist.',
  '10007': 'The call does not exist.',
  '10023': 'The audio file does not exist.',
  '10024': 'The extension does not have outbound call permission.',
  '10031': "The callee number doesn't meet the requirement.",
  '20000': 'Only support json format.',
  '20001': 'Only support POST request.',
  '20002': 'User login failure (user locked out).',
  '20003': 'User login failure (invalid username or password).',
  '20004': 'No such Token.',
  '20005': 'Token is blank.',
  '20008': 'Port error.',
  '30003': 'The API server process is not running.',
};

export class PbxFailure extends Error {
  constructor(readonly errno: string) {
    super(ERRNO[errno] ?? errno);
  }
}

export type Body = Record<string, unknown>;

/** Everything a PBX endpoint handler may touch. */
export interface PbxScope {
  body: Body;
  session: Session;
  family: Family;
  /** The API version of the path, e.g. v1.1.0. */
  version: string;
  ctx: SandboxContext;
  state: PbxState;
}

/** An endpoint's answer payload (the simulator adds status: Success), or a PbxFailure thrown. */
export type PbxHandler = (scope: PbxScope) => Record<string, unknown>;

/** A field's text (trimmed; a number as written), or undefined when absent or blank. */
export const field = (body: Body, name: string): string | undefined => textOf(body[name]);

export function required(body: Body, name: string): string {
  const v = field(body, name);
  if (v === undefined) throw new PbxFailure('10004');
  return v;
}

export const DIALLABLE = /^[0-9+*#]{1,32}$/;

/** Prompt file names: each must contain a letter and carry no extension; "+" joins several. */
export function checkPrompt(prompt: string): void {
  if (!prompt.split('+').every((name) => /[A-Za-z]/.test(name) && !/\.\w{2,4}$/.test(name))) throw new PbxFailure('10023');
}

export function normalizeIp(address: string): string {
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' ? '127.0.0.1' : a;
}
