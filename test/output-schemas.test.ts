/**
 * The output schemas n8n's editor shows before a node has run (nodes/<Node>/__schema__/…): the
 * committed files are exactly what the generator (test/support/output-schemas.ts) makes from the
 * reference, and every field of every item an operation outputs against the fake Lofty is in its
 * operation's schema, at every level the schema describes. `LOFTY_WRITE_SCHEMAS=1` rewrites the files.
 */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { FakeLofty, LEAD_ID_BASE } from './fake-lofty';
import { seedBrokerTeams } from './fake-lofty/routes-broker';
import { seedLogTypes } from './fake-lofty/routes-log-types';
import { seedNotes } from './fake-lofty/routes-notes';
import { seedAppointments, seedTasks } from './fake-lofty/routes-tasks';
import { webhooksOf } from './fake-lofty/routes-webhooks';
import { runWorkflow } from './harness';
import { fillOperation } from './support/fill';
import { ROOT, fs, path, process } from './support/node';
import { allNodeTypes } from './support/nodes';
import type { JsonSchema } from './support/output-schemas';
import { RESPONSES_COPY, generateSchemas, loadResponses, schemaText } from './support/output-schemas';

const { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = fs;
const { dirname, join, relative } = path;

const generated = generateSchemas();
const WRITE = process.env.LOFTY_WRITE_SCHEMAS === '1';

/** Every file under nodes/*\/__schema__, from the repository's root. */
function committedSchemaFiles(): string[] {
	const found: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const at = join(folder, entry.name);
			if (entry.isDirectory()) walk(at);
			else found.push(relative(ROOT, at));
		}
	};
	for (const node of readdirSync(join(ROOT, 'nodes'))) {
		const schemas = join(ROOT, 'nodes', node, '__schema__');
		if (existsSync(schemas)) walk(schemas);
	}
	return found.sort();
}

describe('output schemas', () => {
	if (WRITE) {
		it('are written from the reference (LOFTY_WRITE_SCHEMAS=1)', () => {
			for (const { file, schema } of generated) {
				mkdirSync(dirname(join(ROOT, file)), { recursive: true });
				writeFileSync(join(ROOT, file), schemaText(schema));
			}
			writeFileSync(RESPONSES_COPY, `${JSON.stringify(loadResponses(), null, 1)}\n`);
			expect(committedSchemaFiles()).toEqual(generated.map(({ file }) => file).sort());
		});
		return;
	}

	it('cover all 81 operations, one file each', () => {
		expect(generated).toHaveLength(81);
		expect(committedSchemaFiles()).toEqual(generated.map(({ file }) => file).sort());
	});

	it.each(generated.map((entry) => ({ ...entry, label: entry.key })))('$label is up to date with the generator', ({ file, schema }) => {
		expect(readFileSync(join(ROOT, file), 'utf8')).toBe(schemaText(schema));
	});

	it("keeps section 5's answers as a fixture that matches ../shared when present", () => {
		expect(JSON.parse(readFileSync(RESPONSES_COPY, 'utf8'))).toEqual(loadResponses());
	});
});

// ---------------------------------------------------------------- the fake's records against the schemas

/** Fields of `value` that `schema` lacks, with their paths; nested objects and lists are followed. */
function missingFields(value: unknown, schema: JsonSchema, at: string): string[] {
	if (Array.isArray(value)) return schema.items ? value.flatMap((entry, i) => missingFields(entry, schema.items as JsonSchema, `${at}[${i}]`)) : [];
	if (typeof value !== 'object' || value === null || !schema.properties) return [];
	return Object.entries(value).flatMap(([key, entry]) => {
		const field = schema.properties?.[key];
		return field ? missingFields(entry, field, `${at}.${key}`) : [`${at}.${key}`];
	});
}

const AGENT_COMMUNICATION_START = Date.UTC(2026, 0, 31, 16, 0, 0);

/** A small seeded team: every record an operation below reads exists. */
async function seededFake(): Promise<FakeLofty> {
	const fake = new FakeLofty();
	await fake.start();
	const { data } = fake;
	fake.seedLeads(5);
	seedNotes(data, LEAD_ID_BASE + 1, 2);
	seedTasks(data, LEAD_ID_BASE + 1, 2);
	seedAppointments(data, LEAD_ID_BASE + 1, 2);
	fake.seedActivities(LEAD_ID_BASE + 1, 3);
	fake.seedCallHistory(3);
	seedLogTypes(data, 3);
	fake.seedListings(3);
	fake.seedSystemLogs(3);
	fake.seedAgentCommunication(3, AGENT_COMMUNICATION_START, AGENT_COMMUNICATION_START + 3_600_000);
	seedBrokerTeams(data, 1);
	webhooksOf(data).add({ listId: 2, callbackUrl: 'https://example.com/hook' });
	const now = data.now();
	data.transactions.set(2_000_001, {
		transactionId: 2_000_001,
		leadId: LEAD_ID_BASE + 1,
		fields: { transactionName: 'Sale of 1 Main St' },
		customFields: [],
		commissions: null,
		created: now,
		updated: now,
		propertyAddress: undefined,
	});
	return fake;
}

/** Ids of records the seeded fake holds, by parameter name (in the form or one collection down). */
const IDS: Record<string, string> = {
	account: 'blake.rivera@example.com',
	assigneeAgentId: '700001',
	assigneeGroupId: '800001',
	assignedUserId: '700002',
	callId: '3000001',
	groupId: '800001',
	incomingTransactionId: '2000001',
	leadId: String(LEAD_ID_BASE + 1),
	leadPondId: '950001',
	logTypeId: '8500001',
	memberId: '700001',
	noteId: '8000001',
	officeId: '800001',
	parentId: '800000',
	roleId: '1',
	ruleId: '9100001',
	subscribeId: '980001',
	taskId: '9000001',
	teamMemberUserId: '700002',
	transactionId: '2000001',
	userId: '700002',
	websiteOwnerId: '700001',
};

/** Values the generic filler cannot guess, by parameter name (as test/reference-contract.test.ts). */
const OVERRIDES = {
	payTo: '700001',
	splitPayTo: '700002',
	strategyType: '1',
	startTime: '2026-01-31T09:00:00',
	endTime: '2026-01-31T12:00:00',
	phoneNumber: '5125550199',
	stage: 'New Lead',
	attributeName: 'Preferred Contact Time',
	// Row ids: transaction custom fields (the other rows holding an id take any).
	id: '600001',
	memberId: '700001',
	agentId: '700001',
};

/** Per operation, parameters to set after filling (records created first are named by `setup`). */
const SETTINGS: Record<string, INodeParameters> = {
	'loftyBroker/broker/removeTeam': { teamId: '910001' },
	'loftyOrganization/organization/updateCompany': { companyFields: { name: 'Example Realty', teamId: '900001' } },
	'loftyLead/lead/assign': { assignees: { assignee: [{ assiginee: 'blake.rivera@example.com', role: 'Agent' }] } },
	'loftyLead/brokermint/updateLead': { contactEmail: 'lead1@example.com' },
	'loftyTeam/customField/create': { attributeName: 'Favorite Color' },
	// Lists: the filled-in filters match nothing; the seeded records are read unfiltered.
	'loftyCommunication/agentCommunication/getAll': { startTime: '2026-01-31T16:00:00Z', endTime: '2026-01-31T17:00:00Z', filters: {} },
	'loftyLead/lead/findAssignee': {
		assignee_firstName: 'Avery',
		assignee_lastName: 'Smith',
		assignee_email: 'lead1@example.com',
		assignee_phone: '5550000001',
	},
	'loftyLead/lead/getAll': { filters: {} },
	'loftyLead/lead/getAllByCreateTime': { leadCreateTime: '2023-01-01T00:00:00Z', timeFilters: {} },
	'loftyLead/lead/getAllByUpdateTime': { leadUpdateTime: '2023-01-01T00:00:00Z', timeFilters: {} },
	'loftyListing/listing/getAll': { filters: {} },
	'loftyListing/listing/getPublished': { options: {} },
	'loftyMember/member/getAll': { filters: {} },
	'loftySystemLog/systemLog/getAll': { filters: {} },
};

function withIds(parameters: INodeParameters): INodeParameters {
	const set = (holder: IDataObject) => {
		for (const [name, value] of Object.entries(holder)) {
			if (!(name in IDS)) continue;
			if (typeof value === 'object' && value !== null && '__rl' in value) holder[name] = { ...value, value: IDS[name] };
			else holder[name] = IDS[name];
		}
	};
	set(parameters as IDataObject);
	for (const value of Object.values(parameters)) {
		if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('__rl' in value)) set(value as IDataObject);
	}
	return parameters;
}

const nodeTypes = allNodeTypes();
/** Operations run a second way: the full lead record, the feed as a file. */
const VARIANTS: Array<{ operationPath: string; settings: INodeParameters; label: string }> = [
	{ operationPath: 'loftyLead/lead/get', settings: { simplify: false }, label: 'Simplify off' },
	{ operationPath: 'loftyLead/lead/getAll', settings: { filters: {}, simplify: false }, label: 'Simplify off' },
	{ operationPath: 'loftyListing/listing/getPublished', settings: { options: {}, output: 'binary', binaryPropertyName: 'data' }, label: 'as a file' },
];

const cases = [
	...generated.map((entry) => ({ ...entry, settings: SETTINGS[entry.key] ?? {}, label: entry.key })),
	...VARIANTS.map(({ operationPath, settings, label }) => ({
		...(generated.find((entry) => entry.key === operationPath) as (typeof generated)[number]),
		settings,
		label: `${operationPath} (${label})`,
	})),
].map((entry) => {
	const [name, resource, operation] = entry.key.split('/');
	return { ...entry, nodeType: nodeTypes.find((type) => type.description.name === name) as INodeType, resource, operation };
});

describe('every field an operation outputs is in its schema', () => {
	it.each(cases)('$label', async ({ nodeType, resource, operation, settings, schema }) => {
		const fake = await seededFake();
		try {
			const parameters = { ...withIds(fillOperation(nodeType, resource, operation, OVERRIDES)), ...settings };
			const result = await runWorkflow({
				nodes: { type: nodeType, parameters },
				credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: fake.baseUrl } },
			});
			if (result.status !== 'success') throw new Error(`the run failed: ${result.error?.message ?? result.status}`);
			if (result.items.length === 0) throw new Error(`no items: ${JSON.stringify(parameters)}`);
			expect(result.items.flatMap((item, i) => missingFields(item, schema, `item ${i}`))).toEqual([]);
		} finally {
			await fake.stop();
		}
	});
});
