// One scenario per billed ('call') operation and per task-creating 'write' operation: how to make
// intended call number i (its own callee number and identifier), the fault-free preparation it needs
// (e.g. the task a Start operation starts), which identifier a user would check when the outcome is
// unknown, and how the sandbox's own state shows what was actually done.
import type { CallbridgeClient } from '../../../core/client.js';
import {
  calleeNumber,
  callsOfGroups,
  countPages,
  data,
  groupsByName,
  jobGroup,
  jsonField,
  OB_INSTANCE,
  OB_SCRIPT,
  ROBOT_DIALOG,
  robotTask,
  str,
  TTS_RESOURCE,
  volcTask,
  volcTaskInput,
  VOLC_POOL,
  widenedInstance,
  type Intent,
  type Scenario,
} from './scenario-kit.js';

/**
 * Scenarios by operation id. Index n of each scenario keeps callee numbers apart. `run` (at most 8
 * characters) prefixes every key so runs never mix; OutIds stay within dyvms' 15 bytes.
 */
export function scenarios(run: string, sandboxNow: () => number): Scenario[] {
  const obInstance = widenedInstance();
  /** A batch campaign saved as a draft from a roster file (3 callees in the sandbox): nothing dialled yet. */
  const draftBatch = async (setup: CallbridgeClient, name: string): Promise<string> => {
    const instance = await obInstance(setup);
    const out = await data(setup, 'outboundbot.CreateBatchJobs', { InstanceId: instance, BatchJobName: name, Submitted: 'draft', ScriptId: OB_SCRIPT, JobFilePath: `${instance}/${name}.xlsx` });
    return String((out.BatchJob as { BatchJobId: unknown }).BatchJobId);
  };
  /** The job groups of each name, counted (CreateJobGroup and CreateBatchJobs create one per intent). */
  const countGroups = async (setup: CallbridgeClient, keys: Set<string>): Promise<Map<string, number>> => {
    const byName = await groupsByName(setup, await obInstance(setup));
    return new Map([...keys].map((k) => [k, byName.get(k)?.length ?? 0]));
  };
  // keyOf defaults to the value of checkField.
  type Entry = Omit<Scenario, 'prepare' | 'keyOf'> & {
    keyOf?: Scenario['keyOf'];
    prepare: (i: number, setup: CallbridgeClient, number: string) => Promise<Omit<Intent, 'number'>>;
  };
  const list: Entry[] = [
    // ---- dyvms single calls: one call per request, identified by OutId ----
    {
      opId: 'dyvms.SingleCallByTts',
      vendor: 'dyvms',
      checkField: 'OutId',
      callsPerSuccess: 1,
      prepare: async (i, _s, number) => {
        const key = `${run}t${i}`;
        return { key, input: { CalledNumber: number, TtsCode: 'TTS_100001', TtsParam: { code: '123456' }, OutId: key } };
      },
    },
    {
      opId: 'dyvms.SingleCallByVoice',
      vendor: 'dyvms',
      checkField: 'OutId',
      callsPerSuccess: 1,
      prepare: async (i, _s, number) => {
        const key = `${run}v${i}`;
        return { key, input: { CalledShowNumber: '057100005678', CalledNumber: number, VoiceCode: '2d4c-4e78-8d2a-afbb06cf0000.wav', OutId: key } };
      },
    },
    {
      opId: 'dyvms.IvrCall',
      vendor: 'dyvms',
      checkField: 'OutId',
      callsPerSuccess: 1,
      prepare: async (i, _s, number) => {
        const key = `${run}i${i}`;
        return {
          key,
          input: {
            CalledShowNumber: '057100005678',
            CalledNumber: number,
            StartCode: 'TTS_12340000',
            OutId: key,
            MenuKeyMap: [
              { Key: '1', Code: 'TTS_12350000' },
              { Key: '2', Code: 'TTS_12350001' },
            ],
          },
        };
      },
    },
    {
      opId: 'dyvms.SmartCall',
      vendor: 'dyvms',
      checkField: 'OutId',
      callsPerSuccess: 1,
      prepare: async (i, _s, number) => {
        const key = `${run}s${i}`;
        return { key, input: { CalledShowNumber: '057100005678', CalledNumber: number, VoiceCode: ['2d4c-4e78-8d2a-afbb06cf0000.wav'], OutId: key } };
      },
    },
    // ---- dyvms tasks: the call starts a task prepared without faults ----
    {
      opId: 'dyvms.StartRobotTask',
      vendor: 'dyvms',
      checkField: 'TaskId',
      callsPerSuccess: 1,
      prepare: async (i, setup, number) => {
        const id = await robotTask(setup, `${run}-rs-${i}`, number);
        return { key: id, input: { TaskId: id } };
      },
    },
    {
      opId: 'dyvms.ExecuteCallTask',
      vendor: 'dyvms',
      checkField: 'TaskId',
      callsPerSuccess: 1,
      prepare: async (i, setup, number) => {
        const created = await data(setup, 'dyvms.CreateCallTask', {
          TaskName: `${run}-ct-${i}`,
          BizType: 'VMS_VOICE_TTS',
          TemplateCode: 'TTS_21220000',
          DataType: 'LIST',
          Data: [number],
        });
        const id = String(created.Data);
        return { key: id, input: { TaskId: id, Status: 'RUNNING' } };
      },
    },
    // ---- dyvms task-creating writes: no call, one task per intent ----
    {
      opId: 'dyvms.CreateCallTask',
      vendor: 'dyvms',
      checkField: 'TaskName',
      callsPerSuccess: 0,
      prepare: async (i, _s, number) => {
        const key = `${run}-cct-${i}`;
        return { key, input: { TaskName: key, BizType: 'VMS_VOICE_TTS', TemplateCode: 'TTS_21220000', DataType: 'LIST', Data: [number] } };
      },
      vendorCount: (setup, keys) =>
        countPages(
          setup,
          'dyvms.ListCallTask',
          'PageNumber',
          (out) => (out.Data as Array<Record<string, unknown>>) ?? [],
          (row) => str(row.TaskName),
          keys,
          { TaskName: `${run}-cct-` },
        ),
    },
    {
      opId: 'dyvms.CreateRobotTask',
      vendor: 'dyvms',
      checkField: 'TaskName',
      callsPerSuccess: 0,
      prepare: async (i) => {
        const key = `${run}-crt-${i}`;
        return { key, input: { TaskName: key, DialogId: ROBOT_DIALOG, Caller: ['057100005678'], RetryType: 0 } };
      },
      vendorCount: (setup, keys) =>
        countPages(
          setup,
          'dyvms.QueryRobotTaskList',
          'PageNo',
          (out) => (jsonField(out.Data) as Array<Record<string, unknown>>) ?? [],
          (row) => str(row.TaskName ?? row.taskName),
          keys,
          { TaskName: `${run}-crt-` },
        ),
    },
    // ---- Volcengine ----
    {
      opId: 'volcengine.CreateTask',
      vendor: 'volcengine',
      checkField: 'Name',
      callsPerSuccess: 1,
      prepare: async (i, _s, number) => {
        const key = `${run}-vct-${i}`;
        return { key, input: volcTaskInput(key, [number], true, sandboxNow()) };
      },
    },
    {
      opId: 'volcengine.BatchAppend',
      vendor: 'volcengine',
      checkField: 'TaskOpenId',
      callsPerSuccess: 1,
      prepare: async (i, setup, number) => {
        // The task starts with a filler callee of its own (a 14... number, never counted as this intent's call).
        const id = await volcTask(setup, volcTaskInput(`${run}-vba-${i}`, [`14${number.slice(2)}`], true, sandboxNow()));
        return { key: id, input: { TaskOpenId: id, PhoneList: [{ Phone: number, PhoneParam: { code: '1234' } }] } };
      },
    },
    {
      opId: 'volcengine.ResumeTask',
      vendor: 'volcengine',
      checkField: 'TaskOpenId',
      callsPerSuccess: 1,
      prepare: async (i, setup, number) => {
        const id = await volcTask(setup, volcTaskInput(`${run}-vrt-${i}`, [number], false, sandboxNow()));
        return { key: id, input: { TaskOpenId: id } };
      },
    },
    {
      opId: 'volcengine.SingleBatchAppend',
      vendor: 'volcengine',
      checkField: 'SingleOpenId',
      callsPerSuccess: 1,
      keyOf: (p) => {
        const first = Array.isArray(p.List) ? (p.List[0] as Record<string, unknown> | undefined) : undefined;
        return str(first?.SingleOpenId);
      },
      prepare: async (i, _s, number) => {
        const key = `${run}-vsb-${i}`;
        return {
          key,
          input: { List: [{ SingleOpenId: key, Phone: number, Type: 1, Resource: TTS_RESOURCE, NumberPoolNo: VOLC_POOL, PhoneParam: { code: '1234' } }] },
        };
      },
    },
    // ---- Outbound Bot: the default instance and its published script ----
    {
      opId: 'outboundbot.AssignJobs',
      vendor: 'outboundbot',
      checkField: 'JobGroupId',
      callsPerSuccess: 1,
      prepare: async (i, setup, number) => {
        const instance = await obInstance(setup);
        const id = await jobGroup(setup, { InstanceId: instance, JobGroupName: `${run}-aj-${i}`, ScriptId: OB_SCRIPT });
        return { key: id, input: { InstanceId: instance, JobGroupId: id, JobsJson: [{ contacts: [{ phonenumber: number, referenceId: `${run}-aj-${i}` }] }] } };
      },
    },
    {
      opId: 'outboundbot.StartJob',
      vendor: 'outboundbot',
      // The documented form names no job group: the contact's referenceId is what identifies the call.
      checkField: 'JobJson.contacts.0.referenceId',
      callsPerSuccess: 1,
      keyOf: (p) => {
        const job = jsonField(p.JobJson) as { contacts?: Array<{ referenceId?: unknown }> } | undefined;
        return str(job?.contacts?.[0]?.referenceId);
      },
      prepare: async (i, setup, number) => {
        const instance = await obInstance(setup);
        const key = `${run}-sj-${i}`;
        return { key, input: { InstanceId: instance, ScriptId: OB_SCRIPT, JobJson: { contacts: [{ phonenumber: number, referenceId: key }] } } };
      },
    },
    {
      opId: 'outboundbot.CreateBatchJobs',
      vendor: 'outboundbot',
      checkField: 'BatchJobName',
      callsPerSuccess: 3,
      prepare: async (i, setup) => {
        const instance = await obInstance(setup);
        const key = `${run}-cbj-${i}`;
        return { key, input: { InstanceId: instance, BatchJobName: key, Submitted: 'submit', ScriptId: OB_SCRIPT, JobFilePath: `${instance}/${key}.xlsx` } };
      },
      snapshot: async (setup) => groupsByName(setup, await obInstance(setup)),
      placedFor: (intent, calls, snap) => callsOfGroups(snap?.get(intent.key), calls),
      vendorCount: countGroups,
    },
    {
      opId: 'outboundbot.ModifyBatchJobs',
      vendor: 'outboundbot',
      checkField: 'JobGroupId',
      callsPerSuccess: 3,
      prepare: async (i, setup) => {
        const id = await draftBatch(setup, `${run}-mbj-${i}`);
        return { key: id, input: { InstanceId: OB_INSTANCE, JobGroupId: id, BatchJobName: `${run}-mbj-${i}`, Submitted: 'submit', ScriptId: OB_SCRIPT } };
      },
      placedFor: (intent, calls) => callsOfGroups([intent.key], calls),
    },
    {
      opId: 'outboundbot.SubmitBatchJobs',
      vendor: 'outboundbot',
      checkField: 'JobGroupId',
      callsPerSuccess: 3,
      prepare: async (i, setup) => {
        const id = await draftBatch(setup, `${run}-sbj-${i}`);
        return { key: id, input: { InstanceId: OB_INSTANCE, JobGroupId: id } };
      },
      placedFor: (intent, calls) => callsOfGroups([intent.key], calls),
    },
    {
      opId: 'outboundbot.ResumeJobs',
      vendor: 'outboundbot',
      checkField: 'JobGroupId',
      callsPerSuccess: 1,
      prepare: async (i, setup, number) => {
        const instance = await obInstance(setup);
        const name = `${run}-rj-${i}`;
        // A group that may not dial yet, one job, paused; then the group may dial from now on.
        const later = sandboxNow() + 365 * 86_400_000;
        const id = await jobGroup(setup, {
          InstanceId: instance,
          JobGroupName: name,
          ScriptId: OB_SCRIPT,
          StrategyJson: { startTime: later, endTime: later + 86_400_000 },
        });
        await setup.invoke('outboundbot.AssignJobs', { InstanceId: instance, JobGroupId: id, JobsJson: [{ contacts: [{ phonenumber: number, referenceId: name }] }] });
        await setup.invoke('outboundbot.SuspendJobs', { InstanceId: instance, All: false, JobGroupId: id });
        await setup.invoke('outboundbot.ModifyJobGroup', {
          InstanceId: instance,
          JobGroupId: id,
          Name: name,
          ScriptId: OB_SCRIPT,
          StrategyJson: { startTime: sandboxNow() - 86_400_000, endTime: later + 86_400_000 },
        });
        return { key: id, input: { InstanceId: instance, All: false, JobGroupId: id } };
      },
    },
    {
      opId: 'outboundbot.CreateJobGroup',
      vendor: 'outboundbot',
      checkField: 'JobGroupName',
      callsPerSuccess: 0,
      prepare: async (i, setup) => {
        const instance = await obInstance(setup);
        const key = `${run}-cjg-${i}`;
        return { key, input: { InstanceId: instance, JobGroupName: key, ScriptId: OB_SCRIPT } };
      },
      vendorCount: countGroups,
    },
    // ---- PBX: one trunk call per request; the dialled number is all there is to check ----
    {
      opId: 'pbx.extension.dial_outbound',
      vendor: 'pbx',
      checkField: 'outto',
      callsPerSuccess: 1,
      prepare: async (_i, _s, number) => ({ key: number, input: { extid: '1000', outto: number } }),
    },
    {
      opId: 'pbx.outbound.playprompt',
      vendor: 'pbx',
      checkField: 'outto',
      callsPerSuccess: 1,
      prepare: async (_i, _s, number) => ({ key: number, input: { outto: number, prompt: 'welcome' } }),
    },
  ];
  return list.map((s, n) => ({
    ...s,
    keyOf: s.keyOf ?? ((p: Record<string, unknown>) => str(p[s.checkField])),
    prepare: async (i: number, setup: CallbridgeClient) => {
      const number = calleeNumber(n, i);
      return { ...(await s.prepare(i, setup, number)), number };
    },
  }));
}
