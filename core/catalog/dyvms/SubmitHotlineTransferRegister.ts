import { z } from 'zod';
import { alibabaResponse, flag, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { hotlineNumber, qualificationId } from './shared/hotline.js';

const idCard = () => z.string().trim().min(1).describe('ID-card number (personal data).');

export default defineOperation({
  id: 'dyvms.SubmitHotlineTransferRegister',
  title: 'File the forwarding numbers of a 400 hotline',
  description:
    'Submits the regulatory filing (备案) of the numbers a 400 hotline may forward calls to, with the operator\'s verified identity. ' +
    'Before: get QualificationId with dyvms.GetHotlineQualificationByOrder and send the mobile code with dyvms.SendVerification (the e-mail code comes by mail). After: check with dyvms.ListHotlineTransferRegisterFile / dyvms.ListHotlineTransferNumber, then dyvms.SetTransferCalleePoolConfig. ' +
    'A legal submission that cannot be withdrawn through the API; it carries personal data (ID-card numbers). TransferPhoneNumberInfos is sent as TransferPhoneNumberInfos.N.* as documented (the doc\'s example wrongly sends a JSON array).',
  access: 'write',
  resource: 'hotline',
  destructive: true,
  qps: 100,
  input: () => z.strictObject({
    QualificationId: qualificationId(),
    OperatorName: z.string().trim().min(1).describe('Name of the person handling the filing.'),
    OperatorMail: z.email().describe('Operator e-mail address.'),
    OperatorMailVerifyCode: z.string().trim().min(1).describe('Verification code sent to the operator e-mail.'),
    OperatorMobile: z.string().regex(/^\+?\d{3,20}$/, 'must be a mobile number (digits)').describe('Operator mobile number.'),
    OperatorMobileVerifyCode: z.string().trim().min(1).describe('SMS code sent to OperatorMobile by dyvms.SendVerification.'),
    OperatorIdentityCard: idCard().describe('Operator ID-card number (personal data).'),
    Agreement: flag()
      .refine((v) => v === true, 'must be true: you confirm that the commitment letter is truthful')
      .describe('Confirms that the commitment letter is truthful; must be true. Sent as "true".'),
    HotlineNumber: hotlineNumber(),
    TransferPhoneNumberInfos: z
      .array(
        z.strictObject({
          PhoneNumber: z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)').describe('Number being filed as a forwarding target.'),
          PhoneNumberOwnerName: z.string().trim().min(1).describe('Real name of the owner (person or company).'),
          IdentityCard: idCard().describe('Owner\'s ID-card number (personal data).'),
        }),
      )
      .min(1)
      .describe('The forwarding targets to file; sent as TransferPhoneNumberInfos.N.PhoneNumber / .PhoneNumberOwnerName / .IdentityCard.'),
  }),
  output: () => alibabaResponse({
    Data: str().optional().describe('ID of the filing (documented, missing from the examples).'),
  }),
  examples: [
    {
      input: {
        QualificationId: '100000049330000',
        OperatorName: 'Li Lei',
        OperatorMail: 'ops@example.com',
        OperatorMailVerifyCode: '1234',
        OperatorMobile: '15800007230',
        OperatorMobileVerifyCode: '5678',
        OperatorIdentityCard: '500000000000004119',
        Agreement: true,
        HotlineNumber: '4000000000',
        TransferPhoneNumberInfos: [{ PhoneNumber: '15800000000', PhoneNumberOwnerName: 'Li Lei', IdentityCard: '500000000000004119' }],
      },
      wire: {
        QualificationId: '100000049330000',
        OperatorName: 'Li Lei',
        OperatorMail: 'ops@example.com',
        OperatorMailVerifyCode: '1234',
        OperatorMobile: '15800007230',
        OperatorMobileVerifyCode: '5678',
        OperatorIdentityCard: '500000000000004119',
        Agreement: 'true',
        HotlineNumber: '4000000000',
        'TransferPhoneNumberInfos.1.PhoneNumber': '15800000000',
        'TransferPhoneNumberInfos.1.PhoneNumberOwnerName': 'Li Lei',
        'TransferPhoneNumberInfos.1.IdentityCard': '500000000000004119',
      },
    },
  ],
});
