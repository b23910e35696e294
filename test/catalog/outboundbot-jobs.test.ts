// Behaviour of the Outbound Bot job operations (seed 003 §14-§20) around the vendor's traps:
// requests go through the real client and undici to a loopback server that records what arrives.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnyOperation } from '../../core/operation.js';
import AssignJobs from '../../core/catalog/outboundbot/AssignJobs.js';
import CancelJobs from '../../core/catalog/outboundbot/CancelJobs.js';
import CreateBatchJobs from '../../core/catalog/outboundbot/CreateBatchJobs.js';
import CreateJobGroup from '../../core/catalog/outboundbot/CreateJobGroup.js';
import DescribeJob from '../../core/catalog/outboundbot/DescribeJob.js';
import DescribeJobGroup from '../../core/catalog/outboundbot/DescribeJobGroup.js';
import DescribeTagHitsSummary from '../../core/catalog/outboundbot/DescribeTagHitsSummary.js';
import ListJobGroups from '../../core/catalog/outboundbot/ListJobGroups.js';
import ListJobsByGroup from '../../core/catalog/outboundbot/ListJobsByGroup.js';
import ListTagResources from '../../core/catalog/outboundbot/ListTagResources.js';
import ModifyBatchJobs from '../../core/catalog/outboundbot/ModifyBatchJobs.js';
import ModifyJobGroup from '../../core/catalog/outboundbot/ModifyJobGroup.js';
import QueryJobs from '../../core/catalog/outboundbot/QueryJobs.js';
import ResumeJobs from '../../core/catalog/outboundbot/ResumeJobs.js';
import StartJob from '../../core/catalog/outboundbot/StartJob.js';
import SubmitBatchJobs from '../../core/catalog/outboundbot/SubmitBatchJobs.js';
import SuspendJobs from '../../core/catalog/outboundbot/SuspendJobs.js';
import TagResources from '../../core/catalog/outboundbot/TagResources.js';
import UntagResources from '../../core/catalog/outboundbot/UntagResources.js';
import { alibabaLoopback } from './helpers.js';

const ops: AnyOperation[] = [
  AssignJobs,
  CancelJobs,
  CreateBatchJobs,
  CreateJobGroup,
  DescribeJob,
  DescribeJobGroup,
  DescribeTagHitsSummary,
  ListJobGroups,
  ListJobsByGroup,
  ListTagResources,
  ModifyBatchJobs,
  ModifyJobGroup,
  QueryJobs,
  ResumeJobs,
  StartJob,
  SubmitBatchJobs,
  SuspendJobs,
  TagResources,
  UntagResources,
];
const catalog = new Map<string, AnyOperation>(ops.map((op) => [op.id, op]));

const OK = { RequestId: 'req-1', Code: 'OK', HttpStatusCode: 200, Message: 'Success', Success: true };
let reply: unknown = OK;
const vendor = alibabaLoopback('outboundbot', catalog, () => ({ status: 200, body: reply }));
const { received, refused } = vendor;

beforeEach(() => {
  reply = OK;
});

const INSTANCE = '174952ab-9825-4cc9-a5e2-de82d7fa4cdd';
const GROUP = 'de48407d-309e-451a-81ec-6fb11f8fdbf3';

describe('Submitted is inverted on the wire (defect 8)', () => {
  const batch = { InstanceId: INSTANCE, BatchJobName: 'January renewals', JobFilePath: `${INSTANCE}/roster.xlsx` };
  const modify = { InstanceId: INSTANCE, JobGroupId: GROUP, BatchJobName: 'January renewals', ScriptId: 'script-1' };
  const both = [
    ['outboundbot.CreateBatchJobs', batch],
    ['outboundbot.ModifyBatchJobs', modify],
  ] as const;

  it.each(both)('%s: asking for a draft sends Submitted=true (nothing is dialled)', async (id, base) => {
    await vendor.client.invoke(id, { ...base, Submitted: 'draft' });
    expect(received()).toMatchObject({ Action: id.split('.')[1], Submitted: 'true' });
  });

  it.each(both)('%s: asking to submit sends Submitted=false (the roster is dialled)', async (id, base) => {
    await vendor.client.invoke(id, { ...base, Submitted: 'submit' });
    expect(received().Submitted).toBe('false');
  });

  it.each(both)('%s: Submitted is required; nothing is sent without it', async (id, base) => {
    const error = await refused(id, base);
    expect(error.message).toContain('Submitted: is required');
  });

  it.each(both)('%s: the vendor\'s ambiguous boolean is refused, whatever its form', async (id, base) => {
    for (const Submitted of [false, true, 'false', 'true', 0]) {
      const error = await refused(id, { ...base, Submitted });
      expect(error.field).toBe('Submitted');
      expect(error.message).toContain('"submit" (dial the roster now) or "draft" (dial nothing)');
    }
  });

  it('the inversion is described loudly; both operations are billed calls', () => {
    for (const op of [CreateBatchJobs, ModifyBatchJobs]) {
      expect(op.description).toContain('inverted');
      expect(op.access).toBe('call');
      expect(op.destructive).toBe(true);
    }
  });

  it('ModifyBatchJobs uses the documented BatchJobName (not the example\'s Name) and stands ScriptId in for the legacy ScenarioId', async () => {
    await vendor.client.invoke('outboundbot.ModifyBatchJobs', { ...modify, Submitted: 'draft' });
    expect(received()).toMatchObject({ BatchJobName: 'January renewals', ScriptId: 'script-1', ScenarioId: 'script-1' });
    vendor.requests.length = 0;
    const error = await refused('outboundbot.ModifyBatchJobs', { InstanceId: INSTANCE, JobGroupId: GROUP, BatchJobName: 'x', Submitted: 'draft' });
    expect(error.message).toContain('ScriptId');
    await refused('outboundbot.ModifyBatchJobs', { ...modify, Name: 'x', Submitted: 'draft' });
  });
});

describe.each([
  ['outboundbot.SuspendJobs', 'SuspendJobs'],
  ['outboundbot.ResumeJobs', 'ResumeJobs'],
  ['outboundbot.CancelJobs', 'CancelJobs'],
])('%s: All acts on every job of the instance (defect 9)', (id, action) => {
  it('All is required', async () => {
    const error = await refused(id, { InstanceId: INSTANCE, JobGroupId: GROUP });
    expect(error.message).toContain('All: is required');
  });

  it('All=true alone is sent as such', async () => {
    await vendor.client.invoke(id, { InstanceId: INSTANCE, All: true });
    expect(received()).toEqual({ Action: action, InstanceId: INSTANCE, All: 'true' });
  });

  it.each([
    ['JobGroupId', { JobGroupId: GROUP }],
    ['JobId', { JobId: ['job-1'] }],
    ['JobReferenceId', { JobReferenceId: ['crm-1'] }],
    ['ScenarioId', { ScenarioId: 'scenario-1' }],
  ])('All=true with %s is refused as ambiguous', async (name, filter) => {
    const error = await refused(id, { InstanceId: INSTANCE, All: true, ...filter });
    expect(error.field).toBe('All');
    expect(error.message).toContain('every job of the instance');
    expect(error.message).toContain(name);
  });

  it('All=false without any filter is refused', async () => {
    const error = await refused(id, { InstanceId: INSTANCE, All: false });
    expect(error.message).toContain('needs at least one filter');
  });

  it('an empty filter list does not count as a filter', async () => {
    await refused(id, { InstanceId: INSTANCE, All: false, JobId: [] });
  });

  it('All=false with filters sends them as RepeatLists', async () => {
    await vendor.client.invoke(id, { InstanceId: INSTANCE, All: false, JobId: ['job-1', 'job-2'], JobReferenceId: ['crm-1'] });
    expect(received()).toEqual({
      Action: action,
      InstanceId: INSTANCE,
      All: 'false',
      'JobId.1': 'job-1',
      'JobId.2': 'job-2',
      'JobReferenceId.1': 'crm-1',
    });
  });

  it('describes the blast radius', () => {
    expect(catalog.get(id)?.description).toMatch(/All=true \w+ EVERY (paused )?job of the whole instance/);
  });
});

describe('access classes', () => {
  it('operations that make the platform dial are billed calls', () => {
    for (const op of [AssignJobs, StartJob, CreateBatchJobs, SubmitBatchJobs, ModifyBatchJobs, ResumeJobs]) {
      expect([op.id, op.access, op.destructive]).toEqual([op.id, 'call', true]);
    }
    expect([SuspendJobs.access, CancelJobs.access, CancelJobs.destructive]).toEqual(['write', 'write', true]);
  });
});

describe('StartJob dials immediately, bypassing the scheduler (defect 11)', () => {
  it('says so in its description', () => {
    expect(StartJob.description).toMatch(/RIGHT NOW, bypassing the outbound scheduler/);
    expect(StartJob.description).toMatch(/working-time windows/);
  });

  it('sends the job as one JSON string and ScriptId in place of the missing legacy ScenarioId', async () => {
    reply = { ...OK, TaskIds: [{ key: 'crm-1', value: 'task-1' }] };
    const out = await vendor.client.invoke('outboundbot.StartJob', {
      InstanceId: INSTANCE,
      ScriptId: 'script-1',
      JobJson: { contacts: [{ phonenumber: '13800000000', referenceId: 'crm-1' }] },
    });
    expect(received()).toEqual({
      Action: 'StartJob',
      InstanceId: INSTANCE,
      ScriptId: 'script-1',
      ScenarioId: 'script-1',
      JobJson: '{"extras":[],"contacts":[{"phonenumber":"13800000000","referenceId":"crm-1"}]}',
    });
    expect(out).toMatchObject({ TaskIds: [{ Key: 'crm-1', Value: 'task-1' }] });
  });
});

describe('AssignJobs', () => {
  const contact = { phonenumber: '13800000000', name: 'Zhang San', referenceId: 'crm-1' };

  it('sends each job as its own JSON string JobsJson.N, the strategy as JSON and caller numbers as CallingNumber.N', async () => {
    reply = { ...OK, JobGroupId: GROUP, JobsId: ['job-1', 'job-2'] };
    const out = await vendor.client.invoke('outboundbot.AssignJobs', {
      InstanceId: INSTANCE,
      JobGroupId: GROUP,
      JobsJson: [{ extras: [{ key: 'amount', value: 120 }], contacts: [contact] }, { contacts: [{ phonenumber: '13900000000' }] }],
      CallingNumber: ['95187', '95188'],
      StrategyJson: { maxAttemptsPerDay: '2', workingTime: [{ beginTime: '09:00:00', endTime: '12:00:00' }] },
    });
    expect(received()).toEqual({
      Action: 'AssignJobs',
      InstanceId: INSTANCE,
      JobGroupId: GROUP,
      'JobsJson.1': '{"extras":[{"key":"amount","value":"120"}],"contacts":[{"phonenumber":"13800000000","name":"Zhang San","referenceId":"crm-1"}]}',
      'JobsJson.2': '{"extras":[],"contacts":[{"phonenumber":"13900000000"}]}',
      'CallingNumber.1': '95187',
      'CallingNumber.2': '95188',
      StrategyJson: '{"maxAttemptsPerDay":2,"workingTime":[{"beginTime":"09:00:00","endTime":"12:00:00"}]}',
    });
    expect(out).toMatchObject({ JobGroupId: GROUP, JobsId: ['job-1', 'job-2'], Success: true, HttpStatusCode: 200 });
  });

  it('requires JobGroupId, so callees never land in an auto-created, unconfigured group', async () => {
    const error = await refused('outboundbot.AssignJobs', { InstanceId: INSTANCE, JobsJson: [{ contacts: [contact] }] });
    expect(error.message).toContain('JobGroupId: is required');
  });

  it('refuses a request with no callees', async () => {
    const error = await refused('outboundbot.AssignJobs', { InstanceId: INSTANCE, JobGroupId: GROUP });
    expect(error.message).toContain('JobsJson');
  });

  it('refuses the upper-case PhoneNumber key inside a job (the vendor takes "phonenumber")', async () => {
    const error = await refused('outboundbot.AssignJobs', { InstanceId: INSTANCE, JobGroupId: GROUP, JobsJson: [{ contacts: [{ PhoneNumber: '13800000000' }] }] });
    expect(error.message).toContain('PhoneNumber: unknown parameter');
  });

  it('refuses a misspelt strategy key and an inverted time range instead of falling back to a default schedule', async () => {
    const base = { InstanceId: INSTANCE, JobGroupId: GROUP, JobsJson: [{ contacts: [contact] }] };
    expect((await refused('outboundbot.AssignJobs', { ...base, StrategyJson: { maxAttemptPerDay: 2 } })).message).toContain('maxAttemptPerDay: unknown parameter');
    expect((await refused('outboundbot.AssignJobs', { ...base, StrategyJson: { startTime: 1631521815256, endTime: 1631503815256 } })).message).toContain(
      'endTime must be after startTime',
    );
    expect((await refused('outboundbot.AssignJobs', { ...base, StrategyJson: { workingTime: [{ beginTime: '9:00', endTime: '12:00:00' }] } })).message).toContain(
      'HH:mm:ss',
    );
  });
});

describe('CreateJobGroup / ModifyJobGroup names (defect 6)', () => {
  it('CreateJobGroup sends the documented CallingNumber.N, not the example\'s CallingNumbers JSON', async () => {
    await vendor.client.invoke('outboundbot.CreateJobGroup', { InstanceId: INSTANCE, JobGroupName: 'g', ScriptId: 'script-1', CallingNumber: ['95187'] });
    expect(received()).toEqual({ Action: 'CreateJobGroup', InstanceId: INSTANCE, JobGroupName: 'g', ScriptId: 'script-1', 'CallingNumber.1': '95187' });
    vendor.requests.length = 0;
    await refused('outboundbot.CreateJobGroup', { InstanceId: INSTANCE, JobGroupName: 'g', ScriptId: 'script-1', CallingNumbers: ['95187'] });
  });

  it('ModifyJobGroup takes Name/Description, not CreateJobGroup\'s JobGroupName', async () => {
    const error = await refused('outboundbot.ModifyJobGroup', { InstanceId: INSTANCE, JobGroupId: GROUP, ScriptId: 's', JobGroupName: 'x' });
    expect(error.message).toContain('JobGroupName: unknown parameter');
    await vendor.client.invoke('outboundbot.ModifyJobGroup', { InstanceId: INSTANCE, JobGroupId: GROUP, ScriptId: 's', Name: 'x', Description: 'd', ScenarioId: 'legacy' });
    expect(received()).toMatchObject({ Name: 'x', Description: 'd', ScenarioId: 'legacy', ScriptId: 's' });
  });
});

describe('lenient outputs with clean values (defect 18)', () => {
  it('CreateJobGroup: CallingNumbers sent as a bare number becomes a list of strings', async () => {
    reply = { ...OK, JobGroup: { CallingNumbers: 95187, JobGroupName: 'g', Strategy: { MaxAttemptsPerDay: 2, WorkingTime: [{ BeginTime: '09:00:00', EndTime: '12:00:00' }] } } };
    const out = await vendor.client.invoke('outboundbot.CreateJobGroup', { InstanceId: INSTANCE, JobGroupName: 'g', ScriptId: 's' });
    expect(out).toMatchObject({ JobGroup: { CallingNumbers: ['95187'], Strategy: { MaxAttemptsPerDay: 2 } } });
  });

  it('DescribeJobGroup: a list holding JSON text is flattened; RepeatDays too; counters stay numbers', async () => {
    reply = {
      ...OK,
      JobGroup: {
        JobGroupId: GROUP,
        ModifyTime: '1578881227404',
        CallingNumbers: ['["1****6","95187"]'],
        ExportProgress: { Status: 'FINISHED', Progress: '1' },
        Progress: { TotalJobs: 10, TotalCompleted: '2', Briefs: [{ Key: 'score', Value: '5' }] },
        Strategy: { RepeatDays: ['[1,2,3,4,5]'], IsTemplate: 'false', Customized: '{}' },
        RecallStrategy: {},
        RingingDuration: 30,
      },
    };
    const out = await vendor.client.invoke('outboundbot.DescribeJobGroup', { InstanceId: INSTANCE, JobGroupId: GROUP });
    expect(out).toMatchObject({
      JobGroup: {
        CallingNumbers: ['1****6', '95187'],
        ModifyTime: 1578881227404,
        Progress: { TotalJobs: 10, TotalCompleted: 2, Briefs: [{ Key: 'score', Value: '5' }] },
        Strategy: { RepeatDays: [1, 2, 3, 4, 5], IsTemplate: false, Customized: '{}' },
        RingingDuration: 30,
      },
    });
  });

  it('ListJobsByGroup: strings for HttpStatusCode, Success, counters and a JSON-text CallingNumbers are typed', async () => {
    reply = {
      Message: 'Success',
      RequestId: 'r',
      Code: 'OK',
      HttpStatusCode: '200',
      Success: 'true',
      Jobs: {
        TotalCount: '1',
        PageSize: '10',
        PageNumber: '1',
        List: [
          {
            Status: 'Succeeded',
            JobId: 'job-1',
            Priority: '5',
            FailureReason: 'NoAnswer',
            Contacts: [{ PhoneNumber: '135****8888', ContactName: 'Zhang San' }],
            Extras: [{ Value: '2019-08-21 09:49:59.0', Key: 'djrq' }],
            CallingNumbers: '["0571****3106"]',
          },
        ],
      },
    };
    const out = await vendor.client.invoke('outboundbot.ListJobsByGroup', { InstanceId: INSTANCE, JobGroupId: GROUP });
    expect(out).toMatchObject({
      HttpStatusCode: 200,
      Success: true,
      Jobs: { TotalCount: 1, PageSize: 10, PageNumber: 1, List: [{ JobId: 'job-1', Priority: 5, CallingNumbers: ['0571****3106'] }] },
    });
    expect(ListJobsByGroup.pagination).toMatchObject({ itemsPath: 'Jobs.List', totalPath: 'Jobs.TotalCount' });
  });

  it('QueryJobs/DescribeJob: tasks keep the misspelt PlanedTime, typed; EndReason arrives as a number on jobs and a word on tasks', async () => {
    const task = { TaskId: 'task-1', PlanedTime: 1579068424883, ActualTime: '1579068424883', Duration: 120, EndReason: 'FINISHED', Conversation: [{ Speaker: 'Robot', Script: 'hello', Timestamp: 1579068424883 }] };
    reply = { ...OK, Jobs: { PageNumber: 1, PageSize: 10, TotalCount: 1, List: [{ JobId: 'job-1', CallingNumbers: ['["0571****3106"]'], Tasks: [task] }] } };
    const queried = (await vendor.client.invoke('outboundbot.QueryJobs', { InstanceId: INSTANCE, PhoneNumber: '13800000000' })) as {
      Jobs: { List: Array<{ CallingNumbers: string[]; Tasks: Array<Record<string, unknown>> }> };
    };
    expect(queried.Jobs.List[0].CallingNumbers).toEqual(['0571****3106']);
    expect(queried.Jobs.List[0].Tasks[0]).toMatchObject({ PlanedTime: 1579068424883, ActualTime: 1579068424883, EndReason: 'FINISHED' });
    expect(queried.Jobs.List[0].Tasks[0]).not.toHaveProperty('PlannedTime');

    vendor.requests.length = 0;
    reply = { ...OK, Job: { JobId: 'job-1', EndReason: 1, Tasks: [task] } };
    const described = await vendor.client.invoke('outboundbot.DescribeJob', { InstanceId: INSTANCE, JobId: 'job-1' });
    expect(described).toMatchObject({ Job: { EndReason: '1', Tasks: [{ PlanedTime: 1579068424883, Conversation: [{ Speaker: 'Robot' }] }] } });
  });

  it('ListJobGroups: a bare array (as in the vendor examples) is returned as JobGroups.List', async () => {
    reply = { ...OK, JobGroups: [{ JobGroupName: 'g', CallingNumbers: ['95187'] }] };
    const out = await vendor.client.invoke('outboundbot.ListJobGroups', { InstanceId: INSTANCE });
    expect(out).toMatchObject({ JobGroups: { List: [{ JobGroupName: 'g' }] } });
    expect(received()).toMatchObject({ PageNumber: '1', PageSize: '10' });
  });

  it('DescribeTagHitsSummary accepts TagHitsList at the top level and inside TagGroups', async () => {
    reply = {
      ...OK,
      TagGroups: [{ TagGroupIndex: 1, TagGroup: 'intent', TagHitsList: [{ TagName: 'yes', HitCount: '3' }] }],
      TagHitsList: [{ TagName: 'yes', HitCount: 1, TagGroup: 'intent' }],
    };
    const out = await vendor.client.invoke('outboundbot.DescribeTagHitsSummary', { InstanceId: INSTANCE, JobGroupId: GROUP });
    expect(out).toMatchObject({ TagHitsList: [{ HitCount: 1 }], TagGroups: [{ TagGroupIndex: 1, TagHitsList: [{ HitCount: 3 }] }] });
  });
});

describe('resource tags', () => {
  it('ListTagResources sends Tag.N.Key/Value, defaults the region and type, and hands back NextToken', async () => {
    reply = { ...OK, HttpStatusCode: '200', Success: 'true', NextToken: 'next-1', TagResources: [{ ResourceId: 'i-1', TagKey: 'team', TagValue: 'sales' }] };
    const out = await vendor.client.invoke('outboundbot.ListTagResources', { Tag: [{ Key: 'team', Value: 'sales' }, { Key: 'env' }] });
    expect(received()).toEqual({ Action: 'ListTagResources', RegionId: 'cn-shanghai', ResourceType: 'instance', 'Tag.1.Key': 'team', 'Tag.1.Value': 'sales', 'Tag.2.Key': 'env' });
    expect(out).toMatchObject({ NextToken: 'next-1', Success: true, HttpStatusCode: 200 });
    expect(ListTagResources.pagination).toBeUndefined();
    expect(ListTagResources.description).toContain('NextToken');
  });

  it('TagResources needs at least one tag (the vendor example sends none)', async () => {
    await refused('outboundbot.TagResources', { ResourceId: ['i-1'] });
    await refused('outboundbot.TagResources', { ResourceId: ['i-1'], Tag: [] });
  });

  it('UntagResources needs TagKey or All=true, not both', async () => {
    await refused('outboundbot.UntagResources', { ResourceId: ['i-1'] });
    await refused('outboundbot.UntagResources', { ResourceId: ['i-1'], All: false });
    await refused('outboundbot.UntagResources', { ResourceId: ['i-1'], All: true, TagKey: ['team'] });
    await vendor.client.invoke('outboundbot.UntagResources', { ResourceId: ['i-1'], All: true });
    expect(received()).toEqual({ Action: 'UntagResources', RegionId: 'cn-shanghai', ResourceType: 'instance', 'ResourceId.1': 'i-1', All: 'true' });
  });
});
