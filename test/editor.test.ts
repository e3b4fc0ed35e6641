import type { INode, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { LoftyApi } from '../credentials/LoftyApi.credentials';
import { LoftyOAuth2Api } from '../credentials/LoftyOAuth2Api.credentials';
import { LoftyLeadTrigger } from '../nodes/LoftyLeadTrigger/LoftyLeadTrigger.node';
import { LoftyTrigger } from '../nodes/LoftyTrigger/LoftyTrigger.node';
import { PACKAGE, TestNodeTypes } from './harness';
import { operationsOf } from './support/fill';
import { ROOT, fs, path } from './support/node';
import { allNodeTypes } from './support/nodes';

const { existsSync, readFileSync } = fs;
const { join } = path;
const REPOSITORY_DOCS = 'https://github.com/n8n-nodes-lofty/n8n-nodes-lofty/blob/main/';

/** n8n's node categories (the codex `categories` its node panel groups by). */
const N8N_CATEGORIES = [
	'AI',
	'Analytics',
	'Communication',
	'Core Nodes',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'HITL',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

const actionNodes = allNodeTypes();
const triggers: INodeType[] = [new LoftyTrigger(), new LoftyLeadTrigger()];
const folderOf = (type: INodeType) => type.constructor.name;

/** The operation options of a node, with the resource each belongs to. */
function optionsOf(type: INodeType) {
	return type.description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map((option) => ({
				label: `${type.description.displayName} › ${String(property.displayOptions?.show?.resource)} › ${option.name}`,
				option,
			})),
		);
}

describe('operation texts (what the node panel lists and an AI Agent reads to pick a tool)', () => {
	const all = actionNodes.flatMap(optionsOf);

	it('covers every operation of every action node', () => {
		expect(all.length).toBe(actionNodes.flatMap((type) => operationsOf(type)).length);
		expect(all.length).toBeGreaterThanOrEqual(80);
	});

	it.each(all.map(({ label, option }) => [label, option]))('%s has an action and a description', (_label, option) => {
		const { action, description } = option as INodePropertyOptions;
		expect(action).toEqual(expect.stringMatching(/^[A-Z]\S* \S/));
		// A sentence of its own, not the action or the option's name again.
		expect(description).toEqual(expect.stringMatching(/^[A-Z].{14,}/));
		expect(description).not.toBe(action);
	});
});

describe('canvas subtitle', () => {
	/** Evaluates a node's subtitle as n8n's editor does: an expression over the parameters' values. */
	function subtitleOf(type: INodeType, parameters: Record<string, string>): unknown {
		const node: INode = {
			id: 'n1',
			name: 'Node',
			type: `${PACKAGE}.${type.description.name}`,
			typeVersion: 1,
			position: [0, 0],
			parameters,
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new TestNodeTypes([type]) });
		return workflow.expression.getSimpleParameterValue(node, type.description.subtitle as string, 'internal', {});
	}

	it.each(actionNodes.map((type) => [type.description.displayName, type]))(
		'%s shows "<Operation>: <Resource>" with their display names',
		(_name, type) => {
			const nodeType = type as INodeType;
			const resources = nodeType.description.properties.find((property) => property.name === 'resource')!
				.options as INodePropertyOptions[];
			const resourceName = new Map(resources.map((resource) => [resource.value, resource.name]));
			for (const { resource, operation, name } of operationsOf(nodeType)) {
				expect(subtitleOf(nodeType, { resource, operation })).toBe(`${name}: ${resourceName.get(resource)}`);
			}
			// The operation n8n's editor adds for nodes whose credentials the HTTP Request node can use.
			expect(subtitleOf(nodeType, { resource: String(resources[0].value), operation: '__CUSTOM_API_CALL__' })).toBe('Custom API Call');
		},
	);

	it('names the Lead node\'s "Get Many" as n8n\'s nodes do', () => {
		const lead = actionNodes.find((type) => type.description.name === 'loftyLead')!;
		expect(subtitleOf(lead, { resource: 'lead', operation: 'getAll' })).toBe('Get Many: Lead');
	});
});

describe("n8n's node panel", () => {
	/**
	 * How n8n's node panel (editor-ui, generateMergedNodesAndActions) lists nodes: a trigger whose
	 * type name without "Trigger" is an action node's is filed under that node's entry, which then
	 * shows the trigger's description; any other trigger is listed with " Trigger" dropped from its name.
	 */
	function panelEntries() {
		const entries = actionNodes.map((type) => ({ name: type.description.name, displayName: type.description.displayName, description: type.description.description, triggers: [] as string[] }));
		for (const trigger of triggers) {
			const merged = entries.find((entry) => entry.name === trigger.description.name.replace('Trigger', ''));
			if (merged) {
				merged.description = trigger.description.description;
				merged.triggers.push(trigger.description.displayName);
			} else {
				entries.push({
					name: trigger.description.name,
					displayName: trigger.description.displayName.replace(' Trigger', ''),
					description: trigger.description.description,
					triggers: [trigger.description.displayName],
				});
			}
		}
		return entries;
	}

	it('lists distinct entries that each say what they are', () => {
		const entries = panelEntries();
		expect(new Set(entries.map((entry) => entry.displayName)).size).toBe(entries.length);
		for (const entry of entries) expect(entry.displayName).toMatch(/^Lofty \S/);
		// The webhook trigger is no bare "Lofty"; the polling trigger's entry is Lofty Lead's.
		expect(entries.find((entry) => entry.name === 'loftyTrigger')).toMatchObject({ displayName: 'Lofty Events' });
		const lead = entries.find((entry) => entry.name === 'loftyLead')!;
		expect(lead.triggers).toEqual(['Lofty Lead Trigger']);
	});

	it("the Lofty Lead entry's description (the polling trigger's) names both the lead actions and the trigger", () => {
		const description = new LoftyLeadTrigger().description.description;
		expect(description).toMatch(/create, find and update Lofty leads/i);
		expect(description).toMatch(/start a workflow when a lead is created or updated/i);
	});
});

describe('codex and docs links', () => {
	/** A docs link n8n can open: no "#" (n8n appends its tracking query after the URL), a page of this repository. */
	function expectRepositoryPage(url: string) {
		expect(url).not.toContain('#');
		expect(url.startsWith(REPOSITORY_DOCS)).toBe(true);
		expect(existsSync(join(ROOT, url.slice(REPOSITORY_DOCS.length)))).toBe(true);
	}

	it.each([...actionNodes, ...triggers].map((type) => [folderOf(type), type]))('%s: n8n categories, its own docs page, the credentials page', (folder, type) => {
		const nodeType = type as INodeType;
		const codex = JSON.parse(readFileSync(join(ROOT, 'nodes', String(folder), `${String(folder)}.node.json`), 'utf8'));
		expect(codex.node).toBe(`${PACKAGE}.${nodeType.description.name}`);
		expect(codex.categories.length).toBeGreaterThan(0);
		for (const category of codex.categories) expect(N8N_CATEGORIES).toContain(category);
		const [primary] = codex.resources.primaryDocumentation;
		expect(primary.url).toBe(`${REPOSITORY_DOCS}docs/nodes/${String(folder)}.md`);
		expectRepositoryPage(primary.url);
		expect(codex.resources.credentialDocumentation).toEqual([{ url: `${REPOSITORY_DOCS}docs/credentials.md` }]);
		expectRepositoryPage(codex.resources.credentialDocumentation[0].url);
		// The page is about this node: its name, and each of its operations.
		const page = readFileSync(join(ROOT, 'docs', 'nodes', `${String(folder)}.md`), 'utf8');
		expect(page.startsWith(`# ${nodeType.description.displayName}\n`)).toBe(true);
		for (const { name } of operationsOf(nodeType)) expect(page).toContain(`| ${name} |`);
	});

	it.each([new LoftyApi(), new LoftyOAuth2Api()].map((credential) => [credential.displayName, credential]))(
		'%s links to the credentials page',
		(_name, credential) => {
			expectRepositoryPage((credential as LoftyApi).documentationUrl);
		},
	);
});
