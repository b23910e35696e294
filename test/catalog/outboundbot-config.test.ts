// Behaviour of the Outbound Bot configuration operations (seed 003 §7-§13: instances, scripts, dialogue
// flows, global questions, intents, tags, TTS/voice) around the vendor docs' traps: entries, instance keys,
// IDs, table vs example names, dialogue flows. Outputs, tags and TTS: outboundbot-config-outputs.test.ts.
import { describe, expect, it } from 'vitest';
import { getPath } from '../../core/operation.js';
import { catalog } from '../../core/registry.js';
import { ALL, base, INSTANCE, invoke, OK, received, refused, SCRIPT, vendor } from './outboundbot-config-vendor.js';

describe('catalog entries', () => {
  it('defines every operation of §7-§13, none of them billed, with no invented QPS', () => {
    expect(ALL).toHaveLength(45);
    for (const action of ALL) {
      const op = catalog.get(`outboundbot.${action}`);
      expect(op, action).toBeDefined();
      expect(op?.access, action).not.toBe('call');
      expect(op?.qps, action).toBeUndefined();
      expect(op?.wire?.method ?? 'POST', action).toBe('POST');
    }
  });

  it('marks reads as read (ExportScript and the TTS audition too) and everything else as write', () => {
    const reads = ALL.filter((a) => catalog.get(`outboundbot.${a}`)?.access === 'read');
    expect(reads.sort()).toEqual(
      [
        'ListInstances',
        'DescribeInstance',
        'DescribeScript',
        'ListScripts',
        'QueryScriptsByStatus',
        'ListScriptPublishHistories',
        'ExportScript',
        'ListDialogueFlows',
        'DescribeGlobalQuestion',
        'ListGlobalQuestions',
        'DescribeIntent',
        'ListIntents',
        'ListTags',
        'DescribeTTSConfig',
        'DescribeScriptVoiceConfig',
        'ListScriptVoiceConfigs',
        'DescribeTTSDemo',
        'QueryScriptWaveforms',
      ].sort(),
    );
  });

  it('flags deletes, rollbacks and whole-definition replacements as destructive', () => {
    const destructive = ALL.filter((a) => catalog.get(`outboundbot.${a}`)?.destructive);
    expect(destructive.sort()).toEqual(
      [
        'DeleteInstance',
        'DeleteScript',
        'RollbackScript',
        'DeleteDialogueFlow',
        'ModifyDialogueFlow',
        'DeleteGlobalQuestion',
        'DeleteIntent',
        'ModifyTagGroups',
        'DeleteScriptWaveform',
      ].sort(),
    );
  });
});

describe('instance APIs answer with lower-case keys (defect 22)', () => {
  const lowerCase = {
    Code: 'OK',
    HttpStatusCode: 200,
    Instance: {
      InstanceDescription: '这个是第一的实例',
      creationTime: 1578469042851,
      InstanceId: '90515b5-6115-4ccf-83e2-52d5bfaf2ddf',
      InstanceName: '第一个实例',
      MaxConcurrentConversation: 4,
    },
    requestId: '254EB995-DEDF-48A4-9101-9CA5B72FFBCC',
    success: true,
  };

  it.each(['CreateInstance', 'DescribeInstance', 'ModifyInstance'])('%s exposes CreationTime, RequestId and Success under their documented names', async (action) => {
    const input =
      action === 'CreateInstance'
        ? { InstanceName: '第一个实例', MaxConcurrentConversation: 4 }
        : action === 'ModifyInstance'
          ? { InstanceId: INSTANCE, MaxConcurrentConversation: 4 }
          : { InstanceId: INSTANCE };
    const out = await invoke(action, input, lowerCase);
    expect(out.RequestId).toBe('254EB995-DEDF-48A4-9101-9CA5B72FFBCC');
    expect(out.Success).toBe(true);
    expect(out).not.toHaveProperty('requestId');
    expect(out).not.toHaveProperty('success');
    expect(out.Instance).toMatchObject({ CreationTime: 1578469042851, InstanceId: '90515b5-6115-4ccf-83e2-52d5bfaf2ddf', MaxConcurrentConversation: 4 });
    expect(out.Instance).not.toHaveProperty('creationTime');
  });

  it('ListInstances normalises every item and still accepts the documented spelling', async () => {
    const out = await invoke(
      'ListInstances',
      {},
      {
        Code: 'OK',
        HttpStatusCode: '200',
        Instances: [
          { creationTime: '1578469042851', InstanceId: 'a', InstanceName: 'A', MaxConcurrentConversation: '4' },
          { CreationTime: 1578469042852, InstanceId: 'b', InstanceName: 'B', MaxConcurrentConversation: 1 },
        ],
        requestId: 'r',
        success: 'true',
      },
    );
    expect(out).toMatchObject({ RequestId: 'r', Success: true, HttpStatusCode: 200 });
    expect(out.Instances).toEqual([
      { CreationTime: 1578469042851, InstanceId: 'a', InstanceName: 'A', MaxConcurrentConversation: 4 },
      { CreationTime: 1578469042852, InstanceId: 'b', InstanceName: 'B', MaxConcurrentConversation: 1 },
    ]);
    expect(received()).toEqual({ Action: 'ListInstances' });
  });

  it('ModifyInstance insists on MaxConcurrentConversation, which the vendor requires even for a rename', async () => {
    const error = await refused('ModifyInstance', { InstanceId: INSTANCE, InstanceName: 'New name' });
    expect(error.message).toMatch(/MaxConcurrentConversation: is required/);
  });
});

describe('IDs', () => {
  it('refuses an OSS file path as InstanceId (the CreateScript docs example, defect 28)', async () => {
    const error = await refused('CreateScript', {
      InstanceId: '52e80b02-0126-4556-a1e6-ef5b3747ed53/a9a3ddc7-7c5a-4b4b-bf1a-2a66f8ad3c6e.xlsx',
      ScriptName: 'x',
      Industry: '教育',
      Scene: '回访',
    });
    expect(error.field).toBe('InstanceId');
    expect(error.message).toMatch(/must be an ID such as a UUID/);
  });

  it('accepts a numeric ScriptVoiceConfigId and sends it as text', async () => {
    await invoke('DescribeScriptVoiceConfig', { ...base, ScriptVoiceConfigId: 100 });
    expect(received().ScriptVoiceConfigId).toBe('100');
  });
});

describe('table vs example names (defect 6)', () => {
  it('QueryScriptsByStatus sends StatusList.N as the table says, not the example\'s Status', async () => {
    await invoke('QueryScriptsByStatus', { InstanceId: INSTANCE, StatusList: ['PUBLISHED', 'DRAFTED'], PageNumber: 1, PageSize: 10 });
    const params = received();
    expect(params).toMatchObject({ 'StatusList.1': 'PUBLISHED', 'StatusList.2': 'DRAFTED' });
    expect(params).not.toHaveProperty('Status');
    expect(params).not.toHaveProperty('StatusList');
  });

  it('QueryScriptsByStatus refuses the example\'s Status parameter and unknown statuses before sending', async () => {
    const wrongName = await refused('QueryScriptsByStatus', { InstanceId: INSTANCE, Status: 'PUBLISHED', StatusList: ['PUBLISHED'], PageNumber: 1, PageSize: 10 });
    expect(wrongName.message).toMatch(/Status: unknown parameter/);
    await refused('QueryScriptsByStatus', { InstanceId: INSTANCE, StatusList: ['LIVE'], PageNumber: 1, PageSize: 10 });
    await refused('QueryScriptsByStatus', { InstanceId: INSTANCE, StatusList: [], PageNumber: 1, PageSize: 10 });
  });

  it('ListScriptPublishHistories requires the ScriptId that only the example shows', async () => {
    const error = await refused('ListScriptPublishHistories', { InstanceId: INSTANCE, PageNumber: 1, PageSize: 10 });
    expect(error.message).toMatch(/ScriptId: is required/);
    const out = await invoke(
      'ListScriptPublishHistories',
      { ...base, PageNumber: 1, PageSize: 10 },
      {
        ...OK,
        ScriptPublishHistories: {
          List: [{ ScriptId: SCRIPT, Description: 10088, InstanceId: INSTANCE, PublishTime: 1578965079000, ScriptVersion: '1578965079000' }],
          PageNumber: 1,
          PageSize: 10,
          TotalCount: 20,
        },
      },
    );
    expect(received()).toMatchObject({ ScriptId: SCRIPT, PageNumber: '1', PageSize: '10' });
    const op = catalog.get('outboundbot.ListScriptPublishHistories');
    const items = getPath(out, op?.pagination?.itemsPath ?? '') as Array<Record<string, unknown>>;
    expect(items[0]).toMatchObject({ Description: '10088', ScriptVersion: '1578965079000', PublishTime: 1578965079000 });
    expect(getPath(out, op?.pagination?.totalPath ?? '')).toBe(20);
  });

  it('RollbackScript takes the ScriptVersion from the history, as text even when given as a number', async () => {
    await invoke('RollbackScript', { ...base, RollbackVersion: 1579055782000 });
    expect(received().RollbackVersion).toBe('1579055782000');
  });

  it('DuplicateScript does not mistake the returned SourceScriptId for the new script', async () => {
    const out = await invoke('DuplicateScript', { InstanceId: INSTANCE, SourceScriptId: SCRIPT, Name: '复制' }, { ...OK, SourceScriptId: SCRIPT });
    expect(out.SourceScriptId).toBe(SCRIPT);
    expect(out.ScriptId).toBeUndefined();
  });
});

describe('dialogue flows', () => {
  const definition = {
    transitions: [{ id: 't1', index: 1, source: 'n1', sourceAnchor: 0, target: 'n2', targetAnchor: 0 }],
    nodes: [
      { id: 'n1', index: 0, nodeIndex: 0, type: 'start', shape: 'start-html', content: { branches: [{ branchId: 'b1', branchName: '发起对话' }] } },
      { id: 'n2', index: 2, nodeIndex: 1, type: 'transfer', script: '好的 & 再见 = 100%', content: { action: 'Hangup', actionParams: '' } },
    ],
  };

  it('ModifyDialogueFlow sends the definition as one JSON string in a POST form body, never in the URL (defect 35)', async () => {
    await invoke('ModifyDialogueFlow', { ...base, DialogueFlowId: 'f1', DialogueFlowDefinition: definition });
    const request = vendor.requests[0];
    expect(request.method).toBe('POST');
    expect(request.url).not.toContain('DialogueFlowDefinition');
    const params = received();
    expect(params.DialogueFlowDefinition).toBe(JSON.stringify(definition));
    expect(Object.keys(params).filter((k) => k.startsWith('DialogueFlowDefinition.'))).toEqual([]);
  });

  it('ModifyDialogueFlow carries a real-size flow (hundreds of nodes) intact', async () => {
    const nodes = Array.from({ length: 400 }, (_, i) => ({ id: `n${i}`, type: i === 0 ? 'start' : 'Switch', script: `第${i}句：请问您现在方便吗？`.repeat(3), questions: [] }));
    const transitions = nodes.slice(1).map((n, i) => ({ id: `t${i}`, source: `n${i}`, target: n.id }));
    const big = { nodes, transitions };
    expect(JSON.stringify(big).length).toBeGreaterThan(40_000);
    await invoke('ModifyDialogueFlow', { ...base, DialogueFlowId: 'f1', DialogueFlowDefinition: big });
    expect(JSON.parse(received().DialogueFlowDefinition)).toEqual(big);
  });

  it('ModifyDialogueFlow does not encode a JSON-text definition twice', async () => {
    const text = JSON.stringify(definition);
    await invoke('ModifyDialogueFlow', { ...base, DialogueFlowId: 'f1', DialogueFlowDefinition: text });
    expect(received().DialogueFlowDefinition).toBe(text);
  });

  it('ModifyDialogueFlow refuses a definition without nodes, naming the path', async () => {
    const error = await refused('ModifyDialogueFlow', { ...base, DialogueFlowId: 'f1', DialogueFlowDefinition: { transitions: [] } });
    expect(error.message).toMatch(/DialogueFlowDefinition\.nodes/);
  });

  it('ListDialogueFlows maps the examples\' Id/Name/FlowType/FlowDefinition to the table\'s names and parses the graph', async () => {
    const out = await invoke('ListDialogueFlows', base, {
      ...OK,
      DialogueFlows: [{ FlowType: 'MainFlow', Id: '01331d8d', Name: '主流程', FlowDefinition: JSON.stringify(definition), ScriptId: SCRIPT, ScriptVersion: 1569220563549 }],
    });
    expect(out.DialogueFlows).toEqual([
      { DialogueFlowType: 'MainFlow', DialogueFlowId: '01331d8d', DialogueFlowName: '主流程', DialogueFlowDefinition: definition, ScriptId: SCRIPT, ScriptVersion: '1569220563549' },
    ]);
  });

  it('a listed definition can be sent back to ModifyDialogueFlow unchanged', async () => {
    const listed = await invoke('ListDialogueFlows', base, { ...OK, DialogueFlows: [{ DialogueFlowId: 'f1', DialogueFlowDefinition: JSON.stringify(definition) }] });
    const flow = (listed.DialogueFlows as Array<Record<string, unknown>>)[0];
    vendor.requests.length = 0;
    await invoke('ModifyDialogueFlow', { ...base, DialogueFlowId: flow.DialogueFlowId, DialogueFlowDefinition: flow.DialogueFlowDefinition });
    expect(received().DialogueFlowDefinition).toBe(JSON.stringify(definition));
  });

  it('CreateDialogueFlow takes DialogueName (not DialogueFlowName) and only MainFlow/SubFlow', async () => {
    await refused('CreateDialogueFlow', { ...base, DialogueFlowType: 'MainFlow', DialogueFlowName: '主流程' });
    await refused('CreateDialogueFlow', { ...base, DialogueFlowType: 'Main', DialogueName: '主流程' });
  });
});
