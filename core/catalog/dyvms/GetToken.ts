import { z } from 'zod';
import { alibabaResponse, bool, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'dyvms.GetToken',
  title: 'Get an authentication token',
  description:
    'Issues an authentication token of the given type (e.g. dyvms) for client-side SDK use. Each call issues a new credential: treat Token as a secret, do not log or share it. ' +
    'Allowed TokenType values are not listed in the doc; dyvms is the documented example.',
  access: 'read',
  resource: 'rtc',
  idempotent: false,
  qps: 20,
  input: () => z.strictObject({
    TokenType: z.string().trim().min(1).describe('Kind of token to issue, e.g. dyvms (other values are not documented).'),
  }),
  output: () => alibabaResponse({
    Success: bool().optional().describe('Whether the token was issued (the vendor sends "true" as text).'),
    Token: str().optional().describe('The token (a JWT); a credential, keep it secret.'),
  }),
  examples: [{ input: { TokenType: 'dyvms' }, wire: { TokenType: 'dyvms' } }],
});
