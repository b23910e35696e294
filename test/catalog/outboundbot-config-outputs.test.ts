// The Outbound Bot configuration operations (seed 003 §7-§13), continued: phrase lists, lenient outputs
// (defect 18), tags and TTS ranges (defect 24).
import { describe, expect, it } from 'vitest';
import { base, invoke, OK, received, refused, SCRIPT, vendor } from './outboundbot-config-vendor.js';

describe('phrase lists travel as one JSON string', () => {
  it('CreateGlobalQuestion sends Questions and Answers as JSON arrays in one parameter each, not Questions.1', async () => {
    await invoke('CreateGlobalQuestion', { ...base, GlobalQuestionName: '你是谁', GlobalQuestionType: 'COMMON', Questions: ['你是谁？', '你谁啊'], Answers: ['我是客服'] });
    const params = received();
    expect(params.Questions).toBe('["你是谁？","你谁啊"]');
    expect(params.Answers).toBe('["我是客服"]');
    expect(Object.keys(params).filter((k) => k.includes('.'))).toEqual([]);
  });

  it('the docs\' JSON-text form is accepted and not encoded twice', async () => {
    await invoke('ModifyGlobalQuestion', {
      ...base,
      GlobalQuestionId: 'g1',
      GlobalQuestionName: '你是谁',
      GlobalQuestionType: 'COMMON',
      Questions: '["你是谁","你叫什么"]',
      Answers: '["你好,我是你的专属客服顾问."]',
    });
    expect(received()).toMatchObject({ Questions: '["你是谁","你叫什么"]', Answers: '["你好,我是你的专属客服顾问."]' });
  });

  it('refuses empty lists and empty phrases (the CreateIntent example ends with "")', async () => {
    await refused('CreateGlobalQuestion', { ...base, GlobalQuestionName: 'x', GlobalQuestionType: 'COMMON', Questions: [], Answers: ['a'] });
    const error = await refused('CreateIntent', { ...base, IntentName: '是本人', Utterances: ['是', '是的', ''] });
    expect(error.message).toMatch(/Utterances\.2: an empty utterance is not allowed/);
  });

  it('CreateIntent sends a single keyword (the table\'s String form) as a JSON array, like the example', async () => {
    await invoke('CreateIntent', { ...base, IntentName: '是本人', Utterances: ['是'], Keywords: '是' });
    expect(received()).toMatchObject({ Utterances: '["是"]', Keywords: '["是"]' });
  });

  it('ModifyIntent clears keywords with [] and leaves them alone when omitted', async () => {
    await invoke('ModifyIntent', { ...base, IntentId: 'i1', IntentName: 'n', Utterances: ['u'], Keywords: [] });
    expect(received().Keywords).toBe('[]');
    vendor.requests.length = 0;
    await invoke('ModifyIntent', { ...base, IntentId: 'i1', IntentName: 'n', Utterances: ['u'] });
    expect(received()).not.toHaveProperty('Keywords');
  });
});

describe('lenient outputs (defect 18)', () => {
  it('ListGlobalQuestions JSON-text Answers/Questions and DescribeGlobalQuestion arrays both come back as arrays', async () => {
    const listed = await invoke(
      'ListGlobalQuestions',
      { ...base, PageNumber: 1, PageSize: 10 },
      {
        ...OK,
        GlobalQuestions: {
          TotalCount: 3,
          PageSize: 100,
          PageNumber: 1,
          List: [{ GlobalQuestionType: 'SYSTEM', Answers: '["你好,您可以再说一遍吗","不好意思我刚才没有听清"]', Questions: '["未识别的用户问题"]', GlobalQuestionId: 'g' }],
        },
      },
    );
    const item = (listed.GlobalQuestions as { List: Array<Record<string, unknown>> }).List[0];
    expect(item.Answers).toEqual(['你好,您可以再说一遍吗', '不好意思我刚才没有听清']);
    expect(item.Questions).toEqual(['未识别的用户问题']);
    const described = await invoke('DescribeGlobalQuestion', { ...base, GlobalQuestionId: 'g' }, { ...OK, GlobalQuestion: { Answers: ['a'], Questions: ['q1', 'q2'] } });
    expect(described.GlobalQuestion).toMatchObject({ Answers: ['a'], Questions: ['q1', 'q2'] });
  });

  it('ModifyGlobalQuestion returns the ID as GlobalQuestionId whichever name the vendor uses', async () => {
    const out = await invoke(
      'ModifyGlobalQuestion',
      { ...base, GlobalQuestionId: 'g1', GlobalQuestionName: 'n', GlobalQuestionType: 'COMMON', Questions: ['q'], Answers: ['a'] },
      { ...OK, DialogueQuestionId: 'g1' },
    );
    expect(out.GlobalQuestionId).toBe('g1');
  });

  it('ExportScript accepts HttpStatusCode "200" and Success "true" and hands back a number and a boolean', async () => {
    const out = await invoke('ExportScript', base, {
      Message: 'Success',
      RequestId: 'r',
      DownloadParams: { SignatureUrl: 'https://bucket.oss-cn-shanghai.aliyuncs.com/x?Expires=1&Signature=a%3D' },
      HttpStatusCode: '200',
      Code: 'OK',
      Success: 'true',
    });
    expect(out).toMatchObject({ HttpStatusCode: 200, Success: true, DownloadParams: { SignatureUrl: 'https://bucket.oss-cn-shanghai.aliyuncs.com/x?Expires=1&Signature=a%3D' } });
  });

  it('DescribeTTSDemo accepts Code "200" (not "OK") with string flags and returns the audition URL', async () => {
    const out = await invoke('DescribeTTSDemo', { ...base, Text: '测试', Voice: 'aixia', SpeechRate: 100, Volume: 50 }, {
      Message: 'Success',
      RequestId: 'r',
      HttpStatusCode: '200',
      AuditionUrl: 'https://cloudagentbot-online.oss-cn-shanghai.aliyuncs.com/TTSDEMO/a.wav?Expires=1',
      Code: '200',
      Success: 'true',
    });
    expect(out).toMatchObject({ Code: '200', HttpStatusCode: 200, Success: true, AuditionUrl: expect.stringContaining('TTSDEMO') });
    expect(received()).toMatchObject({ Text: '测试', SpeechRate: '100', Volume: '50' });
  });

  it('DescribeTTSConfig exposes the table\'s Id as TTSConfigId and the text settings as numbers', async () => {
    const out = await invoke('DescribeTTSConfig', base, { ...OK, TTSConfig: { Id: 'c1', Voice: 'xiaoyun', SpeechRate: '-150', Volume: '100' } });
    expect(out.TTSConfig).toEqual({ TTSConfigId: 'c1', Voice: 'xiaoyun', SpeechRate: -150, Volume: 100 });
  });

  it('ListScriptVoiceConfigs: numeric IDs become text, empty and JSON-text relations become arrays', async () => {
    const out = await invoke(
      'ListScriptVoiceConfigs',
      { ...base, PageNumber: 1, PageSize: 20 },
      {
        ...OK,
        ScriptVoiceConfigs: {
          List: [
            { ScriptVoiceConfigId: 100, ScriptWaveformRelation: '', Type: 'TTS' },
            { ScriptVoiceConfigId: 'v2', ScriptWaveformRelation: '[{"ScriptContent":"你好","ScriptWaveformId":"w1"}]', Type: 'WAVEFORM' },
          ],
          PageNumber: 1,
          PageSize: 10,
          TotalCount: 20,
        },
      },
    );
    const list = (out.ScriptVoiceConfigs as { List: Array<Record<string, unknown>> }).List;
    expect(list[0]).toMatchObject({ ScriptVoiceConfigId: '100', ScriptWaveformRelation: [] });
    expect(list[1].ScriptWaveformRelation).toEqual([{ ScriptContent: '你好', ScriptWaveformId: 'w1' }]);
  });

  it('keeps fields the docs do not list', async () => {
    const out = await invoke('DescribeScript', base, { ...OK, Script: { ScriptId: SCRIPT, Status: 'PUBLISHED', IsDrafted: 'false', NewVendorField: 'x' } });
    expect(out.Script).toEqual({ ScriptId: SCRIPT, Status: 'PUBLISHED', IsDrafted: false, NewVendorField: 'x' });
  });
});

describe('tags', () => {
  it('ModifyTagGroups sends each array as ONE JSON string, not Tags.1.TagName', async () => {
    await invoke('ModifyTagGroups', {
      ...base,
      TagGroups: [{ Id: 'g1', TagGroup: '当前学历', TagGroupIndex: 0 }],
      Tags: [
        { Id: 't1', TagGroup: '当前学历', TagName: '本科' },
        { TagGroup: '当前学历', TagName: '研究生' },
      ],
    });
    const params = received();
    expect(JSON.parse(params.TagGroups)).toEqual([{ Id: 'g1', TagGroup: '当前学历', TagGroupIndex: 0 }]);
    expect(JSON.parse(params.Tags)).toEqual([
      { Id: 't1', TagGroup: '当前学历', TagName: '本科' },
      { TagGroup: '当前学历', TagName: '研究生' },
    ]);
    expect(Object.keys(params).some((k) => k.startsWith('Tags.') || k.startsWith('TagGroups.'))).toBe(false);
  });

  it('ListTags output can be sent back: TagGroupId/TagId become the request\'s Id', async () => {
    const listed = await invoke('ListTags', base, {
      ...OK,
      TagGroups: [{ TagGroup: '当前学历', ScriptId: SCRIPT, TagGroupId: 'g1', TagGroupIndex: 0 }],
      Tags: [{ TagName: '本科', TagGroup: '当前学历', ScriptId: SCRIPT, TagId: 't1', TagIndex: 0 }],
    });
    vendor.requests.length = 0;
    await invoke('ModifyTagGroups', { ...base, TagGroups: listed.TagGroups, Tags: listed.Tags });
    const params = received();
    expect(JSON.parse(params.TagGroups)).toEqual([{ Id: 'g1', ScriptId: SCRIPT, TagGroup: '当前学历', TagGroupIndex: 0 }]);
    expect(JSON.parse(params.Tags)).toEqual([{ Id: 't1', ScriptId: SCRIPT, TagGroup: '当前学历', TagName: '本科', TagIndex: 0 }]);
  });

  it('ModifyTagGroups refuses misspelled item keys instead of silently dropping them', async () => {
    const error = await refused('ModifyTagGroups', { ...base, TagGroups: [{ TagGroupName: '当前学历' }], Tags: [] });
    expect(error.message).toMatch(/TagGroupName: unknown parameter/);
  });
});

describe('TTS ranges (defect 24)', () => {
  it('accepts a negative speech rate and refuses a volume above 100, as the vendor\'s current reference says', async () => {
    await invoke('ModifyTTSConfig', { ...base, Voice: 'xiaoyun', SpeechRate: -150, Volume: 60 });
    expect(received()).toMatchObject({ SpeechRate: '-150', Volume: '60' });
    vendor.requests.length = 0;
    const error = await refused('ModifyTTSConfig', { ...base, Voice: 'xiaoyun', SpeechRate: 0, Volume: 300 });
    expect(error.field).toBe('Volume');
    await refused('DescribeTTSDemo', { ...base, Text: 't', Voice: 'aixia', SpeechRate: 600, Volume: 50 });
  });

  it('ModifyScriptVoiceConfig sends the text-to-recording mapping as one JSON string', async () => {
    const relation = [
      { ScriptContent: '请问你是', ScriptWaveformId: 'w1' },
      { ScriptContent: '吗？', ScriptWaveformId: 'w2' },
    ];
    await invoke('ModifyScriptVoiceConfig', { ...base, ScriptVoiceConfigId: 'v1', Type: 'WAVEFORM', ScriptWaveformRelation: relation });
    expect(received()).toMatchObject({ Type: 'WAVEFORM', ScriptWaveformRelation: JSON.stringify(relation) });
  });
});
