/**
 * The generator of the nodes' output schemas (nodes/<Node>/__schema__/v1.0.0/<resource>/<operation>.json),
 * which n8n's editor shows before a node has run. Each schema describes ONE output item, read from
 * the reference: the operation's request (method and path, from its description) names the
 * endpoint, section 5 gives the endpoint's 200 answer, and section 6 the fields of its definitions.
 * What the reference cannot say is in the tables below, each with the reason.
 * `LOFTY_WRITE_SCHEMAS=1 npx jest test/output-schemas.test.ts` writes them (and
 * test/fixtures/lofty-responses.json); test/output-schemas.test.ts fails when they are out of date.
 */
import type { INodePropertyOptions, INodeType } from 'n8n-workflow';

import { loadCatalogue, normalisePath } from './catalogue';
import { operationsOf } from './fill';
import { ROOT, fs, path } from './node';
import { allNodeTypes } from './nodes';
import type { Definitions } from './reference';
import { SHARED_REFERENCE, loadDefinitions } from './reference';

const { existsSync, readFileSync } = fs;
const { join } = path;

/** Section 5's 200 answers, as JSON, for checkouts without ../shared. */
export const RESPONSES_COPY = join(ROOT, 'test', 'fixtures', 'lofty-responses.json');
export const SCHEMA_VERSION = 'v1.0.0';

/** A field's type in the reference's words: "integer(int64)", "< Note > array", "Note", "" … */
type SchemaText = string;
type Fields = Record<string, SchemaText>;

/**
 * Reads section 5 ("Resources"): each endpoint's "METHOD /path" line and the schema cell of its
 * 200 answer ("< CallResponse > array", "string", "No Content", or blank where the export lost a
 * reference). Keyed "METHOD /path".
 */
export function parseResponses(text: string): Record<string, string> {
	const lines = text.split(/\r?\n/);
	const end = lines.findIndex((line) => line.trim() === '6. Definitions');
	const answers: Record<string, string> = {};
	let endpoint: string | undefined;
	for (let i = 0; i < (end < 0 ? lines.length : end); i++) {
		const line = lines[i].trim();
		if (/^(GET|POST|PUT|DELETE|PATCH) \/\S+$/.test(line)) endpoint = line;
		// "200 |", "OK |", then the schema cell.
		if (endpoint && line === '200 |' && lines[i + 1]?.trim() === 'OK |') {
			answers[endpoint] = lines[i + 2].trim().replace(/\|$/, '').trim();
			endpoint = undefined;
		}
	}
	return answers;
}

export function loadResponses(): Record<string, string> {
	if (existsSync(SHARED_REFERENCE)) return parseResponses(readFileSync(SHARED_REFERENCE, 'utf8'));
	return JSON.parse(readFileSync(RESPONSES_COPY, 'utf8')) as Record<string, string>;
}

// ---------------------------------------------------------------- what the reference leaves out

/**
 * The answer of endpoints whose 200 cell is blank (the export lost the definition it named) or
 * says "string" while Lofty answers JSON: a definition, or fields in the reference's words. Where
 * the reference has no definition at all, the fields follow Lofty's newer docs, as the fake does.
 */
const ANSWERS: Record<string, string | Fields> = {
	'GET /v1.0/calls': 'CallListResponse',
	'GET /v1.0/calls/{callId}': 'CallResponse',
	'POST /v1.0/agent/communication': 'PageResult',
	'GET /v1.0/routing/member/list/{type}': '< AssignMember > array',
	'GET /v1.0/routing/role/list': '< AssignRole > array',
	'GET /v1.0/routing/rule/list/{type}': '< RoutingRule > array',
	'GET /v1.0/routing/rule/supplement/{type}': 'SupplementRoutingRule',
	'GET /v1.0/leads': 'LeadListResponse',
	'GET /v1.0/leads/createTime': 'LeadListResponse',
	'GET /v1.0/leads/updateTime': 'LeadListResponse',
	'GET /v1.0/leads/{leadId}': 'LeadResponse',
	'GET /v1.0/leads/{leadId}/transaction/{transactionId}': 'LeadTransaction',
	'GET /v1.0/leads/{leadId}/transaction/{transactionId}/property/address': 'LeadTransactionPropertyAddress',
	'GET /v1.0/me': 'UserResponse',
	'GET /v1.0/members': 'MemberListResponse',
	'GET /v1.0/members/{account}': 'UserResponse',
	'GET /v1.0/users/{userId}': 'UserResponse',
	'GET /v1.0/notes/{noteId}': 'NoteResponse',
	'GET /v1.0/appts': '< Appointment > array',
	'GET /v1.0/tasks': '< TaskResponse > array',
	'GET /v1.0/tasks/{taskId}': 'TaskResponse',
	'GET /v1.0/team-features/lead-pond/{id}': 'LeadPond',
	'POST /v1.0/agent': 'AccountResponse',
	'PUT /v1.0/agent': 'AccountResponse',
	'GET /v1.0/vendor/oauth/token-info/byold': 'OauthTokenInfo',
	'POST /v1.0/webhook': 'WebhookResponse',
	'GET /v1.0/webhooks': '< WebhookResponse > array',
	'GET /v1.0/org': 'OrganizationInfo',
	'GET /v1.0/logType/{logTypeId}': 'LogTypeResponse',
	// Answered "string" in the reference; Lofty's newer docs (and the fake) answer the id as JSON.
	'POST /v1.0/leads': { leadId: 'integer(int64)' },
	'PUT /v1.0/leads/{leadId}': { leadId: 'integer(int64)' },
	'POST /v1.0/leads/{leadId}/activity': { leadId: 'integer(int64)' },
	'POST /v1.0/leads/{leadId}/assignment': { leadId: 'integer(int64)' },
	'POST /v1.0/leads/{leadId}/inquiry': { inquiryId: 'integer(int64)', leadId: 'integer(int64)' },
	'POST /v1.0/leads/{leadId}/property': { leadId: 'integer(int64)', propertyId: 'integer(int64)' },
	'POST /v1.0/leads/{leadId}/transaction': { transactionId: 'integer(int64)' },
	'PUT /v1.0/leads/{leadId}/transaction/{transactionId}': { transactionId: 'integer(int64)' },
	'POST /v1.0/leads/{leadId}/transaction/property/address': { transactionId: 'integer(int64)' },
	'PUT /v1.0/brokermint/lead': { leadId: 'integer(int64)' },
	'PUT /v1.0/brokermint/transaction': { transactionId: 'integer(int64)' },
	'POST /v1.0/tasks': { taskId: 'integer(int64)' },
	// The reference types this answer "string" and defines no listing: the sandbox's listing fields, unverified against Lofty's.
	'GET /v1.0/listing': {
		address: 'string',
		bathrooms: 'number',
		bedrooms: 'integer(int32)',
		buildingName: 'string',
		city: 'string',
		id: 'integer(int64)',
		listDate: 'string',
		listingId: 'string',
		listingStatus: 'string',
		mlsListingId: 'string',
		pictureUrl: 'string',
		price: 'number',
		propertyType: 'string',
		siteListingUrl: 'string',
		squareFeet: 'number',
		state: 'string',
		streetAddress: 'string',
		userId: 'integer(int64)',
		zipCode: 'string',
	},
};

/**
 * Fields whose schema cell is blank or just "object", and what they hold. Where the field's name,
 * capitalised, is a definition (agentInfo → AgentInfo), that is read without a row here.
 */
const FIELD_DEFINITIONS: Record<string, string> = {
	'*._metadata': 'MetaData',
	// A listing of the activity, in no fixed shape.
	'LeadActivityRes.listing': 'JsonNode',
	'LeadResponse.leadInquiry': 'LeadInquiryRes',
	'RoutingStrategy.memberWeights': '< MemberWeight > array',
	// Expiry times, as epoch milliseconds.
	'OauthTokenInfo.refreshTokenExpireTime': 'integer(int64)',
	'OauthTokenInfo.tokenExpireTime': 'integer(int64)',
};

/** An id the node adds to its output, as text or as Lofty gave it. */
const ID = 'integer(int64)';
const TEXT_ANSWER: Fields = { success: 'boolean', value: 'string' };

/**
 * What an operation's send hook makes of the answer, where it is more than the record itself
 * (nodes/shared/pagination.ts and the nodes' *Functions.ts; a hook's closure cannot be read
 * from its description). `adds`: fields the hook puts beside the answer's; `replaces`: the item
 * is only these fields, whatever Lofty answered.
 */
const OUTPUTS: Record<string, { adds?: Fields; replaces?: Fields }> = {
	// sendAndConfirmDelete: {deleted, <id>}.
	'loftyBroker/broker/removeTeam': { replaces: { deleted: 'boolean', teamId: ID } },
	'loftyLead/lead/delete': { replaces: { deleted: 'boolean', leadId: ID } },
	'loftyLog/log/delete': { replaces: { deleted: 'boolean', logTypeId: ID } },
	'loftyNote/note/delete': { replaces: { deleted: 'boolean', noteId: ID } },
	'loftyTask/task/delete': { replaces: { deleted: 'boolean', taskId: ID } },
	'loftyWebhook/webhook/delete': { replaces: { deleted: 'boolean', subscribeId: ID } },
	// sendAndEchoId: {<id>, success, message?} plus the answer.
	'loftyMember/member/update': { adds: { message: 'string', success: 'boolean', userId: ID } },
	'loftyNote/note/update': { adds: { message: 'string', noteId: ID, success: 'boolean' } },
	'loftyOpportunity/opportunity/sendNotification': { adds: { leadId: ID, message: 'string', success: 'boolean' } },
	'loftyOrganization/organization/updateOffice': { adds: { message: 'string', officeId: ID, success: 'boolean' } },
	'loftyTask/task/update': { adds: { message: 'string', success: 'boolean', taskId: ID } },
	// sendRequest({idKey}): a bare id answer becomes {<id>}.
	'loftyBroker/broker/createTeam': { adds: { teamId: ID } },
	'loftyLog/log/create': { adds: { logTypeId: ID } },
	'loftyNote/note/create': { adds: { noteId: ID } },
	'loftyOrganization/organization/addOffice': { adds: { officeId: ID } },
	'loftyTask/task/create': { adds: { taskId: ID } },
	'loftyLead/transaction/create': { adds: { transactionId: ID } },
	// createAgent: the new agent's id with the name and email sent.
	'loftyAgent/agent/create': { replaces: { agentId: ID, emailAddress: 'string', firstName: 'string', lastName: 'string' } },
	// createOrUpdateLead: Lofty's answer plus which it did, how it found the lead and the lead's id.
	'loftyLead/lead/createOrUpdate': { adds: { action: 'string', leadId: ID, matchedBy: 'string' } },
	// createCustomField: the field as sent, plus the new id or Lofty's text.
	'loftyTeam/customField/create': { replaces: { attributeName: 'string', attributeType: 'string', customFieldId: ID, params: 'string', result: 'string', success: 'boolean' } },
	// createWebhook: what was sent plus the subscription Lofty made.
	'loftyWebhook/webhook/create': { adds: { callbackUrl: 'string', limit: 'integer(int32)', listId: 'integer(int32)', subscribeId: ID } },
	// routingUpdateResult: which rule, then Lofty's answer ({success} or {result: text}).
	'loftyLeadRouting/rule/update': { replaces: { result: 'string', routingType: 'integer(int32)', ruleId: ID, success: 'boolean' } },
	'loftyLeadRouting/rule/updateDefault': { replaces: { result: 'string', roleId: ID, routingType: 'integer(int32)', success: 'boolean' } },
	// getPublishedListings: one item per listing of the feed, or (Output: File) the feed as a binary
	// with these JSON fields beside it. The reference types the feed "string"; the listing fields are
	// the sandbox feed's, unverified against Lofty's.
	'loftyListing/listing/getPublished': {
		replaces: {
			address: 'object',
			agent: 'object',
			buildingName: 'string',
			bytes: 'integer(int32)',
			currency: 'string',
			description: 'string',
			details: 'object',
			feedType: 'string',
			fileName: 'string',
			format: 'string',
			id: 'integer(int64)',
			listDate: 'string',
			listingId: 'string',
			mimeType: 'string',
			mlsListingId: 'string',
			photos: '< string > array',
			price: 'number',
			status: 'string',
			title: 'string',
			url: 'string',
		},
	},
};

// ---------------------------------------------------------------- JSON Schema from the reference

export interface JsonSchema {
	type?: string | string[];
	format?: string;
	enum?: string[];
	description?: string;
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
	version?: number;
}

const listOf = (schema: SchemaText) => /^< (.+) > array$/.exec(schema)?.[1];
const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

class SchemaReader {
	constructor(private readonly definitions: Definitions) {}

	/** One field's schema, from its schema text; `seen` stops a definition from nesting itself. */
	field(owner: string, name: string, schema: SchemaText, description: string, seen: string[]): JsonSchema {
		const text = FIELD_DEFINITIONS[`${owner}.${name}`] ?? FIELD_DEFINITIONS[`*.${name}`] ?? schema;
		let result: JsonSchema;
		if ((text === '' || text === 'object') && this.definitions[capitalised(name)]) result = this.of(capitalised(name), seen);
		else result = this.of(text, seen);
		return description ? { ...result, description } : result;
	}

	/** The schema of a type text: a scalar, a list, a definition or (blank) anything. */
	of(text: SchemaText, seen: string[] = []): JsonSchema {
		const element = listOf(text);
		if (element !== undefined) return { type: 'array', items: this.of(element, seen) };
		// 64-bit integers: numbers, or strings when above 2^53 (nodes/shared/json.ts keeps every digit).
		if (text === 'integer(int64)') return { type: ['integer', 'string'] };
		if (text.startsWith('integer')) return { type: 'integer' };
		if (text.startsWith('number')) return { type: 'number' };
		if (text === 'boolean') return { type: 'boolean' };
		if (text === 'string(date-time)') return { type: 'string', format: 'date-time' };
		if (text === 'string') return { type: 'string' };
		const choices = /^enum \((.*)\)$/.exec(text)?.[1];
		if (choices !== undefined) return { type: 'string', enum: choices.split(',').map((choice) => choice.trim()) };
		const fields = this.definitions[text];
		// JsonNode has no fields: any object.
		if (fields && Object.keys(fields).length > 0 && !seen.includes(text)) return { type: 'object', properties: this.properties(text, seen) };
		return text === 'object' || fields ? { type: 'object' } : {};
	}

	properties(definition: string, seen: string[] = []): Record<string, JsonSchema> {
		const out: Record<string, JsonSchema> = {};
		for (const [name, field] of Object.entries(this.definitions[definition] ?? {})) {
			out[name] = this.field(definition, name, field.schema, field.description, [...seen, definition]);
		}
		return out;
	}

	/** Fields of a Fields table. */
	fields(fields: Fields): Record<string, JsonSchema> {
		return Object.fromEntries(Object.entries(fields).map(([name, text]) => [name, this.of(text)]));
	}

	/**
	 * The fields of one record of an answer: a list's element, a paged envelope's records
	 * (an array field beside _metadata, or PageResult's pageData), or the answer itself.
	 */
	record(answer: string | Fields): Record<string, JsonSchema> | undefined {
		if (typeof answer !== 'string') return this.fields(answer);
		const element = listOf(answer);
		if (element !== undefined) return this.record(element);
		const fields = this.definitions[answer];
		if (!fields) return undefined;
		const envelope = Object.entries(fields).find(([, field]) => listOf(field.schema) && this.definitions[listOf(field.schema) as string]);
		if (envelope && ('_metadata' in fields || 'hasMore' in fields)) return this.record(envelope[1].schema);
		return this.properties(answer);
	}
}

// ---------------------------------------------------------------- operations

export interface OperationSchema {
	/** "loftyLead/lead/get" */
	key: string;
	/** nodes/<Node>/__schema__/v1.0.0/<resource>/<operation>.json, from the repository's root. */
	file: string;
	endpoint: string;
	schema: JsonSchema;
}

function requestOf(nodeType: INodeType, resource: string, operation: string) {
	for (const property of nodeType.description.properties) {
		if (property.name !== 'operation' || !(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource)) continue;
		const option = ((property.options ?? []) as INodePropertyOptions[]).find((entry) => entry.value === operation);
		if (option?.routing?.request) return option.routing.request;
	}
	throw new Error(`${nodeType.description.name}: ${resource}/${operation} has no request`);
}

/** Keys sorted at every level, so the files do not change with the order fields were read in. */
export function sortedKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortedKeys);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
	);
}

/** The schema of every operation of every action node. */
export function generateSchemas(nodeTypes: INodeType[] = allNodeTypes()): OperationSchema[] {
	const reader = new SchemaReader(loadDefinitions());
	const responses = loadResponses();
	const catalogue = loadCatalogue();
	const out: OperationSchema[] = [];
	for (const nodeType of nodeTypes) {
		const name = nodeType.description.name;
		const folder = name.charAt(0).toUpperCase() + name.slice(1);
		for (const { resource, operation } of operationsOf(nodeType)) {
			const request = requestOf(nodeType, resource, operation);
			const method = String(request.method ?? 'GET').toUpperCase();
			const found = catalogue.find((entry) => entry.method === method && normalisePath(entry.path) === normalisePath(String(request.url)));
			if (!found) throw new Error(`${name}: ${resource}/${operation} routes to ${method} ${String(request.url)}, which the reference lacks`);
			const endpoint = `${found.method} ${found.path}`;
			const cell = responses[endpoint];
			if (cell === undefined) throw new Error(`section 5 has no 200 answer for ${endpoint}`);
			const key = `${name}/${resource}/${operation}`;
			const output = OUTPUTS[key] ?? {};
			let properties: Record<string, JsonSchema>;
			if (output.replaces) properties = reader.fields(output.replaces);
			else {
				const answer = ANSWERS[endpoint] ?? cell;
				// A text answer (or none) becomes {value} or {success} (recordsOf in pagination.ts).
				properties = { ...(reader.record(answer) ?? reader.fields(TEXT_ANSWER)), ...reader.fields(output.adds ?? {}) };
			}
			const schema = sortedKeys({ type: 'object', properties, version: 1 }) as JsonSchema;
			out.push({ key, file: join('nodes', folder, '__schema__', SCHEMA_VERSION, resource, `${operation}.json`), endpoint, schema });
		}
	}
	return out;
}

/** A schema file's text: two-space JSON and a final newline. */
export const schemaText = (schema: JsonSchema) => `${JSON.stringify(schema, null, 2)}\n`;
