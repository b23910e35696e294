import { z } from 'zod';
import { bool, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

/** Every value is already text, so the wire form is exactly the input. */
const yesTurn = {
  InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a',
  CallId: '1528189846043',
  CalledNumber: '13800000000',
  CallingNumber: '10086',
  CallType: 'Outbound',
  Utterance: 'yes',
};

export default defineOperation({
  id: 'outboundbot.Dialogue',
  title: 'Get the robot\'s next turn (telephony integration)',
  description:
    'Integration hook for a call-centre / IVR that carries the outbound bot\'s calls itself: sends what the callee just said (Utterance) on a live call and gets back the robot\'s next instruction (Feedback.Action, e.g. broadcast or hang up), the text to speak (Feedback.Content) and whether the callee may interrupt it. Not a way to place calls; it advances a live call\'s conversation and uses bot (NLU) capacity. An agent normally should not call it outside such an integration; CallId/TaskId come from the telephony side.',
  access: 'write',
  resource: 'telephony',
  check: ['CallId', 'CalledNumber', 'TaskId'],
  input: () => z.strictObject({
    InstanceId: instanceId(),
    CallId: z.string().min(1).describe('ID of the live call.'),
    CalledNumber: z.string().min(1).describe('The callee\'s number.'),
    CallingNumber: z.string().min(1).describe('The caller number.'),
    CallType: z.string().min(1).describe('Call type, normally "Outbound".'),
    Utterance: z.string().min(1).describe('What the callee said, as text.'),
    ScenarioId: z.string().min(1).optional().describe('Legacy scenario ID.'),
    TaskId: z.string().min(1).optional().describe('Outbound task (call attempt) ID.'),
    ActionKey: z.string().min(1).optional().describe('Action the IVR just carried out, e.g. broadcast or Hangup.'),
    ActionParams: z.string().optional().describe('Parameters of that action, as text.'),
  }),
  output: () => outboundbotResponse({
    Feedback: z
      .looseObject({
        Action: str().optional().describe('Instruction for the IVR, e.g. broadcast.'),
        ActionParams: str().optional().describe('Parameters of the instruction, as text.'),
        Content: str().optional().describe('Text the robot says next.'),
        Interruptible: bool().optional().describe('Whether the callee may interrupt the playback.'),
      })
      .optional()
      .describe('The robot\'s next turn.'),
  }),
  examples: [
    {
      input: yesTurn,
      wire: yesTurn,
    },
  ],
});
