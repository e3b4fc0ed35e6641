/**
 * The reference is the contract. Every operation of every node runs with its whole form filled
 * in, and each request Lofty receives is checked against the reference: each body field is one
 * the endpoint's request schema defines (unless its form field says it is outside the
 * reference), each integer field is a JSON number, and each query parameter is one the endpoint
 * lists.
 */
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import { OUTSIDE_REFERENCE } from '../nodes/shared/descriptions';
import type { RecordedRequest } from './fake-lofty';
import { fs } from './support/node';
import type { CatalogueEndpoint } from './support/catalogue';
import { loadCatalogue } from './support/catalogue';
import { useFakeLofty } from './support/env';
import type { FillOverrides } from './support/fill';
import { fillOperation, operationsOf } from './support/fill';
import { allNodeTypes } from './support/nodes';
import type { Definitions } from './support/reference';
import { DEFINITIONS_COPY, SHARED_REFERENCE, loadDefinitions, parseDefinitions } from './support/reference';

interface Endpoint extends CatalogueEndpoint {
	params: Array<{ in: string; name: string; schema: string }>;
}

const catalogue = loadCatalogue() as Endpoint[];
const definitions = loadDefinitions();

/** Object fields whose schema the reference leaves blank, and the definition they hold. */
const BLANK_OBJECT_SCHEMAS: Record<string, string> = {
	inquiry: 'LeadInquiryReq',
	property: 'LeadPropertyReq',
};

const isInteger = (schema: string) => /^integer\(/.test(schema);
const isIntegerList = (schema: string) => /^< integer\(.*\) > array$/.test(schema);
const listOf = (schema: string) => /^< (\w+) > array$/.exec(schema)?.[1];

/** The definition an object-valued field holds, where the reference says or its name tells. */
function nestedDefinition(field: string, schema: string): string | undefined {
	if (schema !== '' && schema !== 'object') return definitions[schema] ? schema : undefined;
	const named = field.charAt(0).toUpperCase() + field.slice(1);
	return BLANK_OBJECT_SCHEMAS[field] ?? (definitions[named] ? named : undefined);
}

function checkObject(value: unknown, definition: string, path: string, outside: Set<string>, problems: string[]): void {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		problems.push(`${path || 'body'} should be a ${definition} object`);
		return;
	}
	const fields = definitions[definition];
	for (const [key, entry] of Object.entries(value)) {
		const at = `${path}${key}`;
		const field = fields[key];
		if (!field) {
			if (!outside.has(key)) problems.push(`${at} is not a field of ${definition}`);
			continue;
		}
		if (isInteger(field.schema) && typeof entry !== 'number') problems.push(`${at} (${field.schema}) was sent as ${JSON.stringify(entry)}`);
		if (isIntegerList(field.schema) && !(Array.isArray(entry) && entry.every((n) => typeof n === 'number'))) {
			problems.push(`${at} (${field.schema}) was sent as ${JSON.stringify(entry)}`);
		}
		const element = listOf(field.schema);
		if (element && definitions[element] && Array.isArray(entry)) {
			entry.forEach((item, i) => checkObject(item, element, `${at}[${i}].`, outside, problems));
		}
		const nested = nestedDefinition(key, field.schema);
		if (nested && !listOf(field.schema) && typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
			checkObject(entry, nested, `${at}.`, outside, problems);
		}
	}
}

const pattern = (path: string) => new RegExp(`^${path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`);

function endpointOf(request: RecordedRequest): Endpoint | undefined {
	const matches = catalogue.filter((endpoint) => endpoint.method === request.method && pattern(endpoint.path).test(request.path));
	// A literal segment beats a placeholder: /v1.0/leads/createTime is not /v1.0/leads/{leadId}.
	return matches.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
}

/** What is wrong with one request, read against the reference. */
function problemsWith(request: RecordedRequest, outside: Set<string>): string[] {
	const endpoint = endpointOf(request);
	if (!endpoint) return [`${request.method} ${request.path} is not an endpoint of the reference`];
	const problems: string[] = [];
	const bodyParams = endpoint.params.filter((param) => param.in === 'body');
	// A scalar listed as a second body parameter (hideVendorId): read as a body field or a query parameter.
	const scalarBodyParams = bodyParams.filter((param) => !definitions[param.schema.replace(/\[\]$/, '')]).map((param) => param.name);
	const allowedQuery = new Set([
		...endpoint.params.filter((param) => param.in === 'query').map((param) => param.name),
		...scalarBodyParams,
		'vendorKey',
	]);
	for (const key of Object.keys(request.query)) {
		if (!allowedQuery.has(key)) problems.push(`query parameter ${key} is not a parameter of ${endpoint.method} ${endpoint.path}`);
	}
	const schemaParam = bodyParams.find((param) => definitions[param.schema.replace(/\[\]$/, '')]);
	if (!schemaParam) {
		if (request.rawBody.trim() !== '' && bodyParams.length === 0) problems.push(`a body was sent to ${endpoint.path}, which takes none`);
		return problems;
	}
	const body = JSON.parse(request.rawBody) as unknown;
	const definition = schemaParam.schema.replace(/\[\]$/, '');
	const topLevel = new Set([...outside, ...scalarBodyParams]);
	for (const name of scalarBodyParams) {
		const value = (body as Record<string, unknown>)?.[name];
		if (value !== undefined && typeof value !== 'number') problems.push(`${name} was sent as ${JSON.stringify(value)}`);
	}
	if (schemaParam.schema.endsWith('[]')) {
		if (!Array.isArray(body)) problems.push(`the body should be a list of ${definition}`);
		else body.forEach((item, i) => checkObject(item, definition, `[${i}].`, outside, problems));
	} else checkObject(body, definition, '', topLevel, problems);
	return problems;
}

/** Body keys of form fields that say they are outside the reference. */
function outsideKeys(nodeType: INodeType): Set<string> {
	const keys = new Set<string>();
	const visit = (property: INodeProperties) => {
		if (property.description?.includes(OUTSIDE_REFERENCE)) {
			keys.add(String(property.routing?.send?.property ?? property.name).split('.').pop() as string);
		}
		for (const option of (property.options ?? []) as Array<INodeProperties | INodePropertyCollection>) {
			if ('values' in option) option.values.forEach(visit);
			else if ('type' in option) visit(option);
		}
	};
	nodeType.description.properties.forEach(visit);
	return keys;
}

/** Values the generic filler cannot guess, by parameter name. */
const OVERRIDES: FillOverrides = {
	payTo: '700001',
	splitPayTo: '700002',
	strategyType: '1',
	startTime: '2026-01-31T09:00:00',
	endTime: '2026-01-31T12:00:00',
};

const env = useFakeLofty();

describe('section 6 of the reference', () => {
	it('is kept as a fixture that matches ../shared when present', () => {
		const copy = JSON.parse(fs.readFileSync(DEFINITIONS_COPY, 'utf8')) as Definitions;
		if (fs.existsSync(SHARED_REFERENCE)) expect(copy).toEqual(parseDefinitions(fs.readFileSync(SHARED_REFERENCE, 'utf8')));
		expect(Object.keys(copy)).toHaveLength(86);
		expect(copy.TaskRequest).toEqual({
			assignedRole: expect.objectContaining({ schema: 'string' }),
			content: expect.objectContaining({ schema: 'string' }),
			deadline: expect.objectContaining({ schema: 'integer(int64)' }),
			leadId: expect.objectContaining({ schema: 'integer(int64)' }),
			type: expect.objectContaining({ schema: 'string' }),
		});
	});
});

const cases = allNodeTypes().flatMap((nodeType) =>
	operationsOf(nodeType).map((op) => ({ nodeType, ...op, label: `${nodeType.description.displayName} › ${op.resource} › ${op.name}` })),
);

describe('every operation, its whole form filled in, sends only what the reference defines', () => {
	it.each(cases)('$label', async ({ nodeType, resource, operation }) => {
		const parameters = fillOperation(nodeType, resource, operation, OVERRIDES);
		const result = await env.run(nodeType, parameters);
		const requests = env.apiRequests();
		if (requests.length === 0) throw new Error(`nothing was sent: ${result.error?.message ?? result.status}`);
		const outside = outsideKeys(nodeType);
		const problems = requests.flatMap((request) => problemsWith(request, outside).map((problem) => `${request.method} ${request.path}: ${problem}`));
		expect(problems).toEqual([]);
	});
});
