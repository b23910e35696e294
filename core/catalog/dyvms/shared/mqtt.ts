import { z } from 'zod';
import { num, str } from '../../../fields.js';
import { jsonData } from './fields.js';

/** Data of GetMqttToken and RefreshMqttToken. */
export const mqttToken = () => jsonData(
  z.looseObject({
    Host: str().optional().describe('MQTT host to connect to.'),
    Token: str().optional().describe('The MQTT token; a credential, keep it secret.'),
    ExpireTime: num().optional().describe('When the token expires, Unix ms.'),
    InstanceId: str().optional().describe('MQTT instance ID.'),
    ServerId: str().optional().describe('Server ID.'),
    P2pTopic: str().optional().describe('Point-to-point topic.'),
    ClientId: str().optional().describe('Client ID; pass it to dyvms.RefreshMqttToken (the returned prefix may differ from the one sent).'),
    Username: str().optional().describe('MQTT user name.'),
  }),
)
  .optional()
  .describe('The MQTT connection information.');
