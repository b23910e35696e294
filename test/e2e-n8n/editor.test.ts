/**
 * The real n8n editor in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core,
 * no browser download), as a workflow builder uses it: the nodes are found by vendor words, the
 * Outbound Bot node is added from the node panel, its instance, job group (a list that depends on
 * the instance) and script are picked from "From list" drop-downs, and the step runs against the
 * sandbox. Billed operations show their notice (read from the page). A campaign is run from an item:
 * callee added and dialled, then one result item per call. Screenshots go to test/e2e-n8n/screenshots
 * (gitignored; CI keeps them as artifacts; `npm run docs:screenshots` copies the ones docs/n8n.md shows).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { DEFAULT_CALLING_NUMBER, DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import { callbridgeClient } from '../sandbox/helpers.js';
import { N8n, packedTarball } from './harness.js';
import { credentialData, CREDENTIAL_NAME, CREDENTIAL_TYPE, sandboxCalls } from './support.js';

const MINUTE = 60_000;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const INSTANCE_NAME = 'sandbox instance';
const SCRIPT_NAME = 'sandbox renewal reminder';
const GROUP_NAME = 'Renewals (created before the test)';
const NEW_NAME = 'Renewals renamed in the editor';
const CAMPAIGN_NAME = 'Spring campaign (created before the test)';
const CALLEE = '13800007001';

let sandbox: RunningSandbox;
let n8n: N8n;
let browser: Browser;
let page: Page;
let jobGroupId = '';
let campaignGroupId = '';

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

/** Adds a node from the node panel (opened from the last "+" on the canvas) and picks one of its actions. */
async function addNode(search: string, node: string, action: string) {
  await page.locator('[data-test-id="canvas-handle-plus"]').last().click();
  await page.locator('[data-test-id="node-creator-search-bar"]').fill(search);
  await page.locator('[data-test-id="node-creator-item-name"]', { hasText: node }).first().click();
  await page.locator('[data-keyboard-nav-type="action"]', { hasText: action }).first().click();
  await page.locator('[data-test-id="node-parameters"]').waitFor();
}

async function closeNode() {
  await page.locator('[data-test-id="ndv-close-button"]').click();
  await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden' });
}

/** The text of the notice in the open node's parameter panel that starts with `start`, once it is visible. */
async function noticeText(start: string): Promise<string> {
  const notice = page.locator('[data-test-id="node-parameters"]').getByText(start).first();
  await notice.waitFor({ state: 'visible' });
  return notice.innerText();
}

/** Opens a resource locator's "From list" drop-down and picks the entry whose text starts with `text`. */
async function pickFromList(field: string, text: string) {
  await page.locator(`[data-test-id="resource-locator-${field}"] [data-test-id="rlc-input"]`).click();
  await page.locator('[data-test-id="rlc-item"]', { hasText: text }).first().click();
}

describe('the n8n editor in headless Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    sandbox = await startSandbox({ speed: 60, seed: 'e2e-n8n-editor' });
    const { client, close } = callbridgeClient(sandbox.env);
    try {
      const made = (await client.invoke('outboundbot.CreateJobGroup', { InstanceId: DEFAULT_INSTANCE_ID, JobGroupName: GROUP_NAME, ScriptId: DEFAULT_SCRIPT_ID })) as {
        JobGroup?: { JobGroupId?: string };
      };
      jobGroupId = made.JobGroup?.JobGroupId ?? '';
      const campaign = (await client.invoke('outboundbot.CreateJobGroup', {
        InstanceId: DEFAULT_INSTANCE_ID,
        JobGroupName: CAMPAIGN_NAME,
        ScriptId: DEFAULT_SCRIPT_ID,
        CallingNumber: [DEFAULT_CALLING_NUMBER],
      })) as { JobGroup?: { JobGroupId?: string } };
      campaignGroupId = campaign.JobGroup?.JobGroupId ?? '';
    } finally {
      await close();
    }
    expect(jobGroupId).not.toBe('');
    expect(campaignGroupId).not.toBe('');

    n8n = new N8n('editor');
    await n8n.installPackage(packedTarball());
    await n8n.start();
    await n8n.setupOwner();
    const credential = await n8n.rest('POST', '/rest/credentials', { name: CREDENTIAL_NAME.alibaba, type: CREDENTIAL_TYPE.alibaba, data: credentialData(sandbox.url).alibaba });
    expect(credential.status, JSON.stringify(credential.body)).toBe(200);
    const created = await n8n.rest<{ data?: { id?: string } }>('POST', '/rest/workflows', {
      name: 'e2e: editor',
      nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
      connections: {},
      settings: { executionOrder: 'v1' },
    });
    const workflowId = created.body.data?.id;
    expect(workflowId, JSON.stringify(created.body)).toBeTruthy();

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    // A modest viewport keeps the screenshots docs/n8n.md shows small.
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
    await context.addCookies([{ ...n8n.authCookie, url: n8n.url }]);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${n8n.url}/workflow/${workflowId}`);
    // n8n's "Node executed successfully" toasts would cover the output panel in the screenshots.
    await page.addStyleTag({ content: '.el-notification { display: none !important; }' });
  }, 10 * MINUTE);

  afterAll(async () => {
    await browser?.close();
    await n8n?.dispose();
    await sandbox?.close();
  });

  it('finds the nodes in the node panel by vendor and product words', async () => {
    await page.locator('[data-test-id="canvas-handle-plus"]').first().click();
    const search = page.locator('[data-test-id="node-creator-search-bar"]');
    const found = page.locator('[data-test-id="node-creator-item-name"]');
    for (const [word, node] of [
      ['Yeastar', 'PBX'],
      ['dyvms', 'Alibaba Cloud Voice'],
      ['Volcengine', 'Volcengine Voice'],
      ['callbridge', 'Alibaba Cloud Outbound Bot'],
    ]) {
      await search.fill(word);
      await expect.poll(() => found.allInnerTexts(), { message: `searching "${word}"` }).toContain(node);
    }
    await search.fill('Outbound Bot');
    await shot('01-node-panel');
  });

  it('adds the Outbound Bot node, picks IDs from lists (job groups of the chosen instance) and runs the step on the sandbox', async () => {
    await page.locator('[data-test-id="node-creator-item-name"]', { hasText: 'Alibaba Cloud Outbound Bot' }).click();
    await page.locator('[data-keyboard-nav-type="action"]', { hasText: 'Change a job group' }).click();

    // The job group list depends on the instance: before one is chosen it says so.
    await page.locator('[data-test-id="resource-locator-JobGroupId"] [data-test-id="rlc-input"]').click();
    const hint = page.getByText('Choose the Instance ID first');
    await hint.waitFor();
    expect(await hint.innerText()).toBe('Choose the Instance ID first: the Job Group list depends on it');
    await shot('02-dependent-list-before-instance');
    await page.keyboard.press('Escape');

    await pickFromList('InstanceId', INSTANCE_NAME);
    // The job group list of the chosen instance, searched by a word of the name.
    await page.locator('[data-test-id="resource-locator-JobGroupId"] [data-test-id="rlc-input"]').click();
    await page.locator('input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input').first().fill('renewals');
    await page.locator('[data-test-id="rlc-item"]', { hasText: GROUP_NAME }).waitFor();
    expect(await page.locator('[data-test-id="rlc-item"]', { hasText: CAMPAIGN_NAME }).count()).toBe(0);
    await shot('03-list-search');
    await page.keyboard.press('Escape');
    await pickFromList('JobGroupId', GROUP_NAME);
    await page.locator('[data-test-id="parameter-input-Name"] input').fill(NEW_NAME);
    await pickFromList('ScriptId', SCRIPT_NAME);
    await shot('04-ids-from-lists');

    await page.locator('[data-test-id="node-execute-button"]').click();
    const output = page.locator('[data-test-id="output-panel"]');
    await output.getByText(NEW_NAME).first().waitFor({ timeout: 60_000 });
    expect(await output.innerText()).toContain(jobGroupId);
    await output.locator('[data-test-id="radio-button-json"]').click();
    await shot('05-step-run-on-sandbox');

    // What the sandbox recorded: the job group picked from the list now has the new name and the script picked.
    const { client, close } = callbridgeClient(sandbox.env);
    try {
      const described = (await client.invoke('outboundbot.DescribeJobGroup', { InstanceId: DEFAULT_INSTANCE_ID, JobGroupId: jobGroupId })) as {
        JobGroup?: { JobGroupName?: string; ScriptId?: string };
      };
      expect(described.JobGroup).toMatchObject({ JobGroupName: NEW_NAME, ScriptId: DEFAULT_SCRIPT_ID });
    } finally {
      await close();
    }
  });

  it('runs a campaign from an item: the notice shows, the callee is dialled and the results come back one item per call', async () => {
    await closeNode();
    await addNode('Outbound Bot', 'Alibaba Cloud Outbound Bot', 'Add callees to a campaign and start dialling');
    const text = await noticeText('Starts real, billed calls');
    expect(text).toContain('Do not use Retry On Fail');
    await pickFromList('InstanceId', INSTANCE_NAME);
    await pickFromList('JobGroupId', CAMPAIGN_NAME);
    await page.locator('[data-test-id="parameter-input-phoneNumber"] input').fill(CALLEE);
    await page.locator('[data-test-id="parameter-input-calleeName"] input').fill('Li Lei');
    await shot('06-campaign-from-items');

    await page.locator('[data-test-id="node-execute-button"]').click();
    const output = page.locator('[data-test-id="output-panel"]');
    await output.getByText('accepted').first().waitFor({ timeout: 60_000 });

    // The sandbox dials the callee (60x speed); the results are read once it recorded the call as ended.
    await expect.poll(async () => (await sandboxCalls(sandbox.url, { number: CALLEE })).filter((c) => c.endAt !== undefined).length, { timeout: 60_000 }).toBe(1);
    await page.locator('[data-test-id="parameter-input-operation"]').click();
    await page.getByRole('option', { name: 'Get Results' }).click();
    await page.locator('[data-test-id="node-execute-button"]').click();
    await output.getByText(CALLEE).first().waitFor({ timeout: 60_000 });
    await output.locator('[data-test-id="radio-button-json"]').click();
    const shown = await output.innerText();
    expect(shown).toContain(CALLEE);
    expect(shown).toMatch(/"final":\s*true/);
    await shot('07-campaign-results');
  }, 3 * MINUTE);

  it('shows the billed notice on a call that places a billed call', async () => {
    await closeNode();
    await addNode('dyvms', 'Alibaba Cloud Voice', 'Place a TTS call');
    const text = await noticeText('Places real, billed calls');
    expect(text).toContain('"Outcome unknown"');
    expect(text).toContain('do not use Retry On Fail');
    await shot('08-billed-notice');
  });
});
