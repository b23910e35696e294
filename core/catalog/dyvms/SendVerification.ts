import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { okFlag } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.SendVerification',
  title: 'Send an SMS verification code (400 filing)',
  description:
    'Sends an SMS verification code to the mobile of the person filing 400-hotline forwarding numbers; the code is then passed as OperatorMobileVerifyCode to dyvms.SubmitHotlineTransferRegister. ' +
    'Sends a real SMS to a real phone each time it is called. (The doc\'s example points at dyplsapi.aliyuncs.com; this operation uses the dyvms endpoint.)',
  access: 'call',
  destructive: true,
  resource: 'hotline',
  effects: { messages: ['Target'] },
  qps: 100,
  input: () => z.strictObject({
    Target: z.string().regex(/^\+?\d{3,20}$/, 'must be a mobile number (digits)').describe('Mobile number that receives the code.'),
    VerifyType: z.enum(['SMS']).default('SMS').describe('Verification channel; the only value is SMS (default, always sent).'),
    BizType: z.enum(['CONTACT']).default('CONTACT').describe('Business type; the only value is CONTACT (default, always sent).'),
  }),
  output: () => alibabaResponse({
    Data: okFlag().describe('Whether the code was sent (the vendor sends "true" as text).'),
  }),
  examples: [
    { input: { Target: '15000000000' }, wire: { Target: '15000000000', VerifyType: 'SMS', BizType: 'CONTACT' } },
  ],
});
