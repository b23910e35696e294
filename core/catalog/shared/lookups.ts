// The lists IDs are picked from, one per kind of ID: which list operation names them, and where the
// ID and the name are in one of its entries. Field helpers attach them with listedBy().
// Not an operation file (scripts/gen.ts reads only core/catalog/<product>/).
import type { Lookup } from '../../lookup.js';

export const LOOKUPS = {
  // Outbound Bot
  instance: { name: 'instance', title: 'Instance', list: 'outboundbot.ListInstances', value: ['InstanceId'], text: ['InstanceName'] },
  script: { name: 'script', title: 'Script', list: 'outboundbot.ListScripts', value: ['ScriptId'], text: ['ScriptName'] },
  jobGroup: { name: 'jobGroup', title: 'Job Group', list: 'outboundbot.ListJobGroups', value: ['JobGroupId'], text: ['JobGroupName'] },
  job: { name: 'job', title: 'Job', list: 'outboundbot.ListJobsByGroup', value: ['JobId'], text: ['ReferenceId', 'CalledNumber'] },
  outboundCallNumber: { name: 'outboundCallNumber', title: 'Caller Number', list: 'outboundbot.ListOutboundCallNumbers', value: ['Number'] },
  // Voice Service (dyvms)
  robot: { name: 'robot', title: 'Robot', list: 'dyvms.QueryRobotv2AllList', value: ['id'], text: ['robotName'] },
  robotTask: { name: 'robotTask', title: 'Robot Task', list: 'dyvms.QueryRobotTaskList', value: ['id'], text: ['taskName'] },
  callTask: { name: 'callTask', title: 'Call Task', list: 'dyvms.ListCallTask', value: ['Id'], text: ['TaskName'] },
  // Volcengine
  numberPool: { name: 'numberPool', title: 'Number Pool', list: 'volcengine.NumberPoolList', value: ['NumberPoolNo'], text: ['NumberPoolName'] },
  volcengineNumber: { name: 'volcengineNumber', title: 'Caller Number', list: 'volcengine.NumberList', value: ['Number'], text: ['NumberPoolName'] },
  voiceResource: { name: 'voiceResource', title: 'Voice Resource', list: 'volcengine.QueryUsableResource', value: ['ResourceKey'], text: ['Name'] },
  // PBX
  extension: { name: 'extension', title: 'Extension', list: 'pbx.extensionlist.query', value: ['extnumber', 'number'], text: ['username'] },
} as const satisfies Record<string, Lookup>;
