import { z } from 'zod';
import { alibabaResponse, bool, flag, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { jsonData } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.GetRtcToken',
  title: 'Get an RTC connection token',
  description:
    'Returns the connection token object an RTC/VoIP client SDK needs (MQTT host, topics, tokenData...); pass Module to the SDK as a whole. ' +
    'Side effect: logging in with a different DeviceId logs the same account out of the earlier device. tokenData is a credential: keep it secret. ' +
    'Trap: IsCustomAccount is documented as false = "no account", true = "has account", which reads inverted against its name; the doc is ambiguous, so set it deliberately and verify with one device first.',
  access: 'write',
  resource: 'rtc',
  qps: 500,
  input: () => z.strictObject({
    UserId: z.string().trim().min(1).describe('RTC account ID (Module of dyvms.AddRtcAccount), or your own account ID in account-less mode.'),
    DeviceId: z.string().trim().min(1).describe('Device ID (a UUID is recommended); a new device ID logs out the earlier login.'),
    IsCustomAccount: flag()
      .optional()
      .describe('Account mode flag, documented as false = no (RTC) account, true = has account; the naming looks inverted, see the description.'),
  }),
  output: () => alibabaResponse({
    Module: jsonData(
      z.looseObject({
        clientId: str().optional().describe('MQTT client ID.'),
        host: str().optional().describe('MQTT host.'),
        port: num().optional().describe('Port.'),
        tlsport: num().optional().describe('TLS port.'),
        sdkClientPort: num().optional().describe('SDK client port.'),
        useTLS: bool().optional().describe('Whether to use TLS.'),
        cleansession: bool().optional().describe('MQTT clean-session flag.'),
        reconnectTimeout: num().optional().describe('Reconnect timeout, ms.'),
        meetingEventKeepAliveInterval: num().optional().describe('Keep-alive interval.'),
        registerTime: num().optional().describe('Registration time.'),
        serverId: str().optional().describe('Server ID.'),
        phoneTopic: str().optional().describe('Phone topic.'),
        conferenceTopic: str().optional().describe('Conference topic.'),
        sgwServerTopic: str().optional().describe('Gateway server topic.'),
        tokenData: str().optional().describe('The token itself; a credential, keep it secret.'),
      }),
    )
      .optional()
      .describe('The token object (sent as JSON text; returned parsed).'),
  }),
  examples: [
    { input: { UserId: '2001000000', DeviceId: '3f2a9c1e-0000-4000-8000-000000000000', IsCustomAccount: false }, wire: { UserId: '2001000000', DeviceId: '3f2a9c1e-0000-4000-8000-000000000000', IsCustomAccount: 'false' } },
  ],
});
