/**
 * The real n8n editor in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core,
 * no browser download), as a workflow builder uses it: the nodes are found by vendor words, the
 * Outbound Bot node is added from the node panel, its instance, job group (a list that depends on
 * the instance) and script are picked from "From list" drop-downs, and the step runs against the
 * sandbox. Screenshots go to test/e2e-n8n/screenshots (gitignored; CI keeps them as artifacts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import { callbridgeClient } from '../sandbox/helpers.js';
import { N8n, packedTarball } from './harness.js';
import { credentialData, CREDENTIAL_NAME, CREDENTIAL_TYPE } from './support.js';

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

let sandbox: RunningSandbox;
let n8n: N8n;
let browser: Browser;
let page: Page;
let jobGroupId = '';

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

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
    } finally {
      await close();
    }
    expect(jobGroupId).not.toBe('');

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
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ ...n8n.authCookie, url: n8n.url }]);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${n8n.url}/workflow/${workflowId}`);
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
    await pickFromList('JobGroupId', GROUP_NAME);
    await page.locator('[data-test-id="parameter-input-Name"] input').fill(NEW_NAME);
    await pickFromList('ScriptId', SCRIPT_NAME);
    await shot('03-ids-from-lists');

    await page.locator('[data-test-id="node-execute-button"]').click();
    const output = page.locator('[data-test-id="output-panel"]');
    await output.getByText(NEW_NAME).first().waitFor({ timeout: 60_000 });
    expect(await output.innerText()).toContain(jobGroupId);
    await output.locator('[data-test-id="radio-button-json"]').click();
    await shot('04-step-run-on-sandbox');

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
});
