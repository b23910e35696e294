import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { mqttToken } from './shared/mqtt.js';

export default defineOperation({
  id: 'dyvms.RefreshMqttToken',
  title: 'Refresh an MQTT token',
  description:
    'Rotates the MQTT token of a client ID obtained from dyvms.GetMqttToken and returns the new connection information; the old token should be considered replaced. ' +
    'Keep Token secret. Success is Code "200" for this API. (The doc\'s example returns a ClientId with a different prefix than the one sent.)',
  access: 'write',
  resource: 'rtc',
  qps: 100,
  input: () => z.strictObject({
    ClientId: z.string().trim().min(1).describe('Client ID from dyvms.GetMqttToken, e.g. GID_VOIP_CRC@@@709923dcd8fa41ef9cdbabdd49c0000.'),
  }),
  output: () => alibabaResponse({ Data: mqttToken() }),
  examples: [
    {
      input: { ClientId: 'GID_VOIP_CRC@@@709923dcd8fa41ef9cdbabdd49c0000' },
      wire: { ClientId: 'GID_VOIP_CRC@@@709923dcd8fa41ef9cdbabdd49c0000' },
    },
  ],
});
