import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { mqttToken } from './shared/mqtt.js';

export default defineOperation({
  id: 'dyvms.GetMqttToken',
  title: 'Get an MQTT token',
  description:
    'Issues an MQTT token and connection information (host, client ID, topics, expiry) for the VoIP messaging channel. Each call issues a new credential: keep Token secret. ' +
    'Renew it before ExpireTime with dyvms.RefreshMqttToken and the returned ClientId. Success is Code "200" for this API.',
  access: 'read',
  resource: 'rtc',
  idempotent: false,
  qps: 100,
  input: () => z.strictObject({}),
  output: () => alibabaResponse({ Data: mqttToken() }),
  examples: [{ input: {}, wire: {} }],
});
