// Issue item 5: the n8n editor in headless Chromium (Debian's `chromium`, driven by
// playwright-core; no browser download). It signs in, opens a workflow with every Lofty node and
// each example workflow, checks that every Lofty node renders with its icon and operation (no
// "node not installed"), opens the Lead node's panel, lists its operations and saves a
// screenshot to test-artifacts/editor-lead-node.png.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { OWNER } from '../../../scripts/lib/n8n.mjs';
import { TYPE_PREFIX } from '../../../scripts/lib/package.mjs';
import { ARTIFACTS, ROOT } from '../../../scripts/lib/paths.mjs';
import { EDITOR_WORKFLOW_ID, LEAD_NODE, editorWorkflow, serverSession } from '../server.mjs';
import { connect, coreNode, loftyNode } from '../workflows.mjs';
import { declaredNodeTypes } from './nodes.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT = join(ARTIFACTS, 'editor-lead-node.png');

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export function loadPlaywright() {
	try {
		return createRequire(join(ROOT, 'package.json'))('playwright-core');
	} catch {
		throw new Error('playwright-core is not installed: it is a devDependency of this package (run `npm ci --ignore-scripts`).');
	}
}

/** What each Lofty node on the canvas shows: type, icon (and whether it loaded), subtitle, "not installed". */
async function canvasNodes(page) {
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	// Icons are <img>; give them a moment to load before reading naturalWidth.
	await page.waitForFunction(() => [...document.querySelectorAll('[data-test-id="canvas-node"] img')].every((img) => img.complete), null, { timeout: 30_000 });
	return await page.$$eval('[data-test-id="canvas-node"]', (elements) =>
		elements.map((element) => {
			const img = element.querySelector('.n8n-node-icon img');
			return {
				name: element.getAttribute('data-node-name'),
				type: element.getAttribute('data-node-type'),
				icon: img?.getAttribute('src') ?? null,
				iconLoaded: Boolean(img && img.naturalWidth > 0),
				placeholder: element.querySelector('[class*="nodeIconPlaceholder"]')?.textContent ?? null,
				notInstalled: element.querySelector('[data-test-id="node-not-installed"]') !== null,
				subtitle: element.querySelector('[class*="_subtitle"]')?.textContent?.trim() ?? '',
			};
		}),
	);
}

/**
 * The subtitle n8n's editor shows for a node of this package: "<Operation>: <Resource>" with their
 * display names, read from the node type n8n serves. Undefined for nodes without an operation.
 */
function expectedSubtitle(types, node) {
	const type = types.find((t) => t.name === node.type);
	const operation = node.parameters.operation;
	if (!type || operation === undefined) return undefined;
	const resourceProperty = type.properties.find((p) => p.name === 'resource');
	const resource = node.parameters.resource ?? resourceProperty?.default;
	const resourceName = resourceProperty?.options.find((o) => o.value === resource)?.name;
	const operationName = type.properties
		.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource))
		.flatMap((p) => p.options)
		.find((o) => o.value === operation)?.name;
	return `${operationName}: ${resourceName}`;
}

function checkNodes(rendered, workflow, problems, where, types) {
	for (const node of workflow.nodes.filter((n) => n.type.startsWith(TYPE_PREFIX))) {
		const shown = rendered.find((r) => r.name === node.name);
		if (!shown) {
			problems.push(`${where}: "${node.name}" is not on the canvas`);
			continue;
		}
		if (shown.notInstalled || shown.placeholder) problems.push(`${where}: "${node.name}" (${node.type}) renders as a node that is not installed`);
		if (!shown.icon?.includes(`/icons/${TYPE_PREFIX.slice(0, -1)}/`) || !shown.iconLoaded) {
			problems.push(`${where}: "${node.name}" has no loaded Lofty icon (src ${shown.icon}, loaded ${shown.iconLoaded})`);
		}
		const subtitle = expectedSubtitle(types, node);
		if (subtitle && shown.subtitle !== subtitle) problems.push(`${where}: "${node.name}" subtitle "${shown.subtitle}", expected "${subtitle}"`);
	}
}

export async function editorStep(ctx) {
	assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
	const { chromium } = loadPlaywright();
	const { n8n, examples } = await serverSession(ctx);
	ctx.use(n8n);
	const workflow = editorWorkflow();

	// The node types n8n serves to the editor, with their icons.
	const types = await (await fetch(`${n8n.baseUrl}/types/nodes.json`, { headers: { cookie: n8n.cookie } })).json();
	const served = types.filter((t) => t.name.startsWith(TYPE_PREFIX));
	const missing = declaredNodeTypes().filter((name) => !served.some((t) => t.name === `${TYPE_PREFIX}${name}`));
	assert.deepEqual(missing, [], 'every declared node is among the node types n8n serves');
	const iconUrls = [...new Set(served.flatMap((t) => Object.values(t.iconUrl ?? {})))];
	for (const url of iconUrls) {
		const response = await fetch(`${n8n.baseUrl}/${url.replace(/^\//, '')}`);
		assert.equal(response.status, 200, `icon ${url}`);
		assert.match(response.headers.get('content-type') ?? '', /svg/, `icon ${url} is an SVG`);
	}
	ctx.note(`n8n serves ${served.length} Lofty node types (with the AI-tool variants of action nodes); icons ${iconUrls.join(', ')} load`);

	const profile = ctx.tempDir('chromium');
	const browser = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		chromiumSandbox: false,
		args: CHROMIUM_ARGS,
		viewport: { width: 1440, height: 900 },
	});
	const pageErrors = [];
	try {
		const page = browser.pages()[0] ?? (await browser.newPage());
		page.on('pageerror', (error) => pageErrors.push(error.message));
		page.setDefaultTimeout(60_000);

		await page.goto(`${n8n.baseUrl}/signin`);
		await page.getByLabel('Email').fill(OWNER.email);
		await page.getByLabel('Password').fill(OWNER.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((url) => !url.pathname.includes('signin'));

		const problems = [];
		await page.goto(`${n8n.baseUrl}/workflow/${EDITOR_WORKFLOW_ID}`);
		const rendered = await canvasNodes(page);
		checkNodes(rendered, workflow, problems, 'every-node workflow', served);
		await page.screenshot({ path: join(ctx.artifacts, 'editor-every-node.png') });
		ctx.note(`canvas: ${rendered.filter((r) => r.type?.startsWith(TYPE_PREFIX)).length} Lofty nodes rendered with the Lofty icon`);

		for (const { file, workflow: example } of examples) {
			await page.goto(`${n8n.baseUrl}/workflow/${example.id}`);
			checkNodes(await canvasNodes(page), example, problems, `examples/${file}`, served);
		}
		ctx.note(`examples open in the editor: ${examples.map((e) => e.file).join(', ')}`);

		// The Lead node's panel: its operations, then the screenshot.
		await page.goto(`${n8n.baseUrl}/workflow/${EDITOR_WORKFLOW_ID}`);
		await canvasNodes(page);
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${LEAD_NODE}"]`).dblclick();
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor({ state: 'visible' });
		await page.locator('[data-test-id="parameter-input-operation"] input').click();
		const options = page.locator('.el-select-dropdown:visible .el-select-dropdown__item');
		await options.first().waitFor({ state: 'visible' });
		// Each option shows its name and, below it, a description: the name is the first leaf.
		const operations = await options.evaluateAll((items) =>
			items
				.map((item) => [...item.querySelectorAll('*')].find((el) => el.children.length === 0 && el.textContent.trim())?.textContent.trim() ?? item.textContent.trim())
				.filter(Boolean),
		);
		await page.waitForTimeout(600); // the dropdown fades in
		mkdirSync(ARTIFACTS, { recursive: true });
		await page.screenshot({ path: SCREENSHOT });
		ctx.note(`Lead node panel: ${operations.length} operations (${operations.join(', ')})`);
		ctx.note(`screenshot: ${SCREENSHOT}`);
		for (const expected of ['Create', 'Get', 'Get Many', 'Update', 'Delete']) {
			if (!operations.some((text) => text.startsWith(expected))) problems.push(`Lead panel: no "${expected}" operation among ${operations.join(', ')}`);
		}
		await page.keyboard.press('Escape');
		await checkSchemaPreview(ctx, page, n8n, problems);
		await checkPanelAndSubtitle(ctx, page, n8n, problems);
		await checkLeadPicker(ctx, page, n8n, problems);
		if (pageErrors.length) ctx.note(`page errors in the editor: ${pageErrors.length} (first: ${pageErrors[0].slice(0, 160)})`);
		assert.equal(problems.length, 0, problems.join('\n'));
	} finally {
		await browser.close();
	}
}

export const SCHEMA_SCREENSHOT = join(ARTIFACTS, 'editor-schema-preview.png');

/** Saves a new workflow of `nodes` through the REST API and opens it in the editor; resolves its canvas nodes. */
async function openNewWorkflow(page, n8n, name, nodes, connections = {}) {
	const created = await n8n.rest('POST', '/workflows', { name, nodes, connections, settings: { executionOrder: 'v1' }, active: false });
	await page.goto(`${n8n.baseUrl}/workflow/${created.id}`);
	return await canvasNodes(page);
}

/**
 * The output schema before a run (issue 12): a Lofty Lead › Get node that has never run, and a
 * node after it. n8n's editor previews a node's output schema in the Schema view of the next
 * node's input panel ("Usually outputs the following fields"), read from the package's
 * __schema__ files. Saves test-artifacts/editor-schema-preview.png.
 */
export async function checkSchemaPreview(ctx, page, n8n, problems) {
	const lead = loftyNode('Lofty Lead', 'loftyLead', { resource: 'lead', operation: 'get', leadId: { __rl: true, mode: 'id', value: '1000001' } });
	const next = coreNode('After the lead', 'noOp', {}, [300, 0]);
	await openNewWorkflow(page, n8n, 'e2e: output schema before a run', [lead, next], connect({}, lead.name, next.name));
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${next.name}"]`).dblclick();
	const input = page.locator('[data-test-id="ndv-input-panel"]');
	await input.waitFor({ state: 'visible' });
	const schemaMode = input.locator('[data-test-id="ndv-run-data-display-mode"]').getByText('Schema', { exact: true });
	if (await schemaMode.count()) await schemaMode.first().click();
	await input.locator('[data-test-id="schema-preview-warning"]').waitFor({ state: 'visible', timeout: 30_000 });
	const fields = await input.locator('[data-test-id="run-data-schema-item"]').evaluateAll((items) => items.map((item) => item.textContent.trim()));
	await page.waitForTimeout(400);
	await page.screenshot({ path: SCHEMA_SCREENSHOT });
	ctx.note(`schema preview of Lofty Lead › Get before a run: ${fields.length} fields in the next node's input panel; screenshot: ${SCHEMA_SCREENSHOT}`);
	// The view renders the rows in sight: LeadResponse's first fields, alphabetically.
	for (const field of ['assignedUserId', 'birthday', 'city', 'customAttributes']) {
		if (!fields.some((text) => text.startsWith(field))) problems.push(`schema preview: no "${field}" among ${fields.slice(0, 20).join(', ')}`);
	}
	await page.keyboard.press('Escape');
}

export const PANEL_SCREENSHOT = join(ARTIFACTS, 'editor-node-panel.png');
export const SUBTITLE_SCREENSHOT = join(ARTIFACTS, 'editor-subtitle.png');

/**
 * What the editor shows (issue 12): a Lofty Lead › Get Many node on the canvas shows "Get Many:
 * Lead" (saved to test-artifacts/editor-subtitle.png), and the node panel searched for "Lofty"
 * lists distinct entries that say what they are: no bare "Lofty", the webhook trigger as "Lofty
 * Events", the polling trigger under "Lofty Lead" (saved to test-artifacts/editor-node-panel.png).
 */
export async function checkPanelAndSubtitle(ctx, page, n8n, problems) {
	const lead = loftyNode('Lofty Lead', 'loftyLead', { resource: 'lead', operation: 'getAll' });
	const shown = (await openNewWorkflow(page, n8n, 'e2e: a Lofty node and its subtitle', [lead])).find((node) => node.name === lead.name);
	await page.screenshot({ path: SUBTITLE_SCREENSHOT });
	ctx.note(`canvas subtitle of Lofty Lead › Get Many: "${shown?.subtitle}"; screenshot: ${SUBTITLE_SCREENSHOT}`);
	if (shown?.subtitle !== 'Get Many: Lead') problems.push(`canvas: Lofty Lead › Get Many shows "${shown?.subtitle}", not "Get Many: Lead"`);

	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
	await search.fill('Lofty');
	const items = page.locator('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]');
	await items.filter({ hasText: 'Lofty Lead' }).first().waitFor({ state: 'visible' });
	const entries = await items.evaluateAll((elements) =>
		elements.map((element) => ({
			name: element.querySelector('[data-test-id="node-creator-item-name"]')?.textContent?.trim() ?? '',
			description: element.querySelector('[data-test-id="node-creator-item-description"]')?.textContent?.trim() ?? '',
		})),
	);
	await page.waitForTimeout(400);
	await page.screenshot({ path: PANEL_SCREENSHOT });
	const lofty = entries.filter((entry) => entry.name.startsWith('Lofty'));
	ctx.note(`node panel, search "Lofty": ${lofty.map((entry) => entry.name).join(', ')}; screenshot: ${PANEL_SCREENSHOT}`);
	if (lofty.some((entry) => entry.name === 'Lofty')) problems.push('node panel: an entry is a bare "Lofty"');
	if (new Set(lofty.map((entry) => entry.name)).size !== lofty.length) problems.push(`node panel: repeated entries among ${lofty.map((e) => e.name).join(', ')}`);
	for (const name of ['Lofty Lead', 'Lofty Events', 'Lofty Note']) {
		if (!lofty.some((entry) => entry.name === name)) problems.push(`node panel: no "${name}" entry among ${lofty.map((e) => e.name).join(', ')}`);
	}
	const leadEntry = lofty.find((entry) => entry.name === 'Lofty Lead');
	if (leadEntry && !/create, find and update Lofty leads/i.test(leadEntry.description)) {
		problems.push(`node panel: the Lofty Lead entry reads "${leadEntry.description}"`);
	}
	await page.keyboard.press('Escape');
}

export const PICKER_SCREENSHOT = join(ARTIFACTS, 'editor-lead-picker.png');

/**
 * The Lead record picker (resource locator, picker.ts): a Lofty Lead › Get node switched to
 * "From List" lists the sandbox's seeded leads through searchLeads. Saves
 * test-artifacts/editor-lead-picker.png.
 */
export async function checkLeadPicker(ctx, page, n8n, problems) {
	const lead = loftyNode('Lofty Lead', 'loftyLead', { resource: 'lead', operation: 'get', leadId: { __rl: true, mode: 'id', value: '' } });
	await openNewWorkflow(page, n8n, 'e2e: the Lead picker lists leads', [lead]);
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${lead.name}"]`).dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor({ state: 'visible' });
	const picker = page.locator('[data-test-id="resource-locator-leadId"]');
	await picker.locator('[data-test-id="rlc-mode-selector"]').click();
	await page.locator('[data-test-id="mode-list"]:visible').click();
	await picker.locator('[data-test-id="rlc-input"]').click();
	const items = page.locator('[data-test-id="rlc-item"]:visible');
	await items.first().waitFor({ state: 'visible', timeout: 30_000 });
	const shown = await items.evaluateAll((elements) => elements.map((element) => element.textContent.trim()));
	await page.waitForTimeout(400);
	await page.screenshot({ path: PICKER_SCREENSHOT });
	ctx.note(`Lead picker, From List: ${shown.length} leads listed (first: ${shown.slice(0, 3).join('; ')}); screenshot: ${PICKER_SCREENSHOT}`);
	const seeded = shown.filter((text) => /lead\d+@example\.com/.test(text));
	if (seeded.length < 3) problems.push(`Lead picker: ${seeded.length} seeded leads listed among ${shown.slice(0, 10).join('; ')}`);
	await page.keyboard.press('Escape');
}
