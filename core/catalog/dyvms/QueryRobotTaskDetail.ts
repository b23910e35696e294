import { z } from 'zod';
import { alibabaResponse, bool, list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { calledFile, jsonData, robotTaskId } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.QueryRobotTaskDetail',
  title: 'Get a robot task',
  description:
    'Returns one robot task\'s configuration and status: script, caller numbers, redial policy, times and the uploaded callee files. ' +
    'Use it to verify a task before dyvms.StartRobotTask, or to read its state. Note: this API names the task ID "Id", not "TaskId".',
  access: 'read',
  resource: 'robotTask',
  qps: 100,
  input: () => z.strictObject({
    Id: robotTaskId().describe('ID of the robot task (Data of dyvms.CreateRobotTask). Named "Id" in this API, "TaskId" in most other robot APIs.'),
  }),
  output: () => alibabaResponse({
    Data: jsonData(
      z.looseObject({
        id: str().optional().describe('Task ID.'),
        taskName: str().optional().describe('Task name.'),
        robotId: str().optional().describe('Robot script ID.'),
        robotName: str().optional().describe('Robot script name.'),
        corpName: str().optional().describe('Company name.'),
        caller: str().optional().describe('Caller numbers, comma-separated (the doc mislabels it as the callee display number).'),
        numberStatusIdent: bool().optional().describe('Whether number-status detection is on.'),
        status: str().optional().describe('Task status (see dyvms.QueryRobotTaskList).'),
        scheduleType: str().optional().describe('SINGLE = immediate, ORDER = scheduled.'),
        retryType: num().optional().describe('1 = redial, 0 = no redial.'),
        recallStateCodes: str().optional().describe('Call results that trigger a redial, comma-separated.'),
        recallTimes: num().optional().describe('Redial count.'),
        recallInterval: num().optional().describe('Minutes between redials.'),
        createTime: str().optional().describe('Creation time.'),
        fireTime: str().optional().describe('Start time.'),
        completeTime: str().optional().describe('Completion time.'),
        called: list(calledFile()).optional().describe('Uploaded callee files.'),
      }),
    )
      .optional()
      .describe('The task (declared as JSON text; returned parsed).'),
  }),
  examples: [{ input: { Id: 1045001 }, wire: { Id: '1045001' } }],
});
