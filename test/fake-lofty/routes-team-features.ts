/**
 * Team features (reference 5.9): lead ponds and adding lead custom fields.
 *
 * - GET  /v1.0/team-features/lead-ponds      -> bare array of LeadPond *(chosen: not wrapped)*.
 * - GET  /v1.0/team-features/lead-pond/{id}  -> one LeadPond; unknown id -> 404 `Lead pond not found`.
 * - POST /v1.0/teamFeatures/custom-field     -> bare JSON string "success" *(chosen)*; the field joins
 *   `data.leadCustomFields`, the list GET /v1.0/teamFeatures/listCustomField (routes-members.ts) serves
 *   and lead create/update validates custom attributes against.
 *
 * The tag and custom-field lists themselves live in routes-members.ts.
 */
import type { FakeLoftyData, LeadCustomFieldRecord } from './data';
import { CURRENT_USER_ID } from './data';
import { badRequest, notFound } from './errors';
import type { Router } from './router';
import { pathId } from './router';
import { bodyObject, optStr } from './validate';

/** LeadPond (6.41). */
export interface LeadPondRecord {
	id: number;
	pondName: string;
	pondOwnerId: number;
	/** Users who can work the pond's leads. */
	agentIds: number[];
}

export const LEAD_POND_ID_BASE = 950_000;

/** The attribute types the fake knows (the reference names select and multi_select; the rest are the fake's). */
export const CUSTOM_FIELD_TYPES: ReadonlyArray<LeadCustomFieldRecord['attributeType']> = [
	'text',
	'number',
	'date',
	'select',
	'multi_select',
];

export const LEAD_POND_NOT_FOUND = 'Lead pond not found';

interface TeamFeatureStore {
	ponds: LeadPondRecord[];
	nextPondId: number;
}

const stores = new WeakMap<FakeLoftyData, TeamFeatureStore>();

function storeOf(data: FakeLoftyData): TeamFeatureStore {
	let store = stores.get(data);
	if (!store) {
		// Constructed defaults: a team-wide pond and one for the Round Rock office.
		store = {
			ponds: [
				{ id: LEAD_POND_ID_BASE + 1, pondName: 'Team Pond', pondOwnerId: CURRENT_USER_ID, agentIds: [700001, 700002, 700003] },
				{ id: LEAD_POND_ID_BASE + 2, pondName: 'Round Rock Pond', pondOwnerId: 700003, agentIds: [700003] },
			],
			nextPondId: LEAD_POND_ID_BASE + 3,
		};
		stores.set(data, store);
	}
	return store;
}

/**
 * The lead ponds of a fake's data (the live array: tests may change it).
 * Defaults: 950001 "Team Pond" (owner 700001, agents 700001-700003) and
 * 950002 "Round Rock Pond" (owner 700003, agent 700003).
 */
export function leadPondsOf(data: FakeLoftyData): LeadPondRecord[] {
	return storeOf(data).ponds;
}

/** Adds n ponds: pond k (ids continue from 950003) is "Pond k", owned by members[(k-1) % 3]. */
export function seedLeadPonds(data: FakeLoftyData, n: number): LeadPondRecord[] {
	const store = storeOf(data);
	const added: LeadPondRecord[] = [];
	for (let i = 0; i < n; i++) {
		const id = store.nextPondId++;
		const k = id - LEAD_POND_ID_BASE;
		const owner = data.members[(k - 1) % data.members.length].id;
		const pond = { id, pondName: `Pond ${k}`, pondOwnerId: owner, agentIds: [owner] };
		store.ponds.push(pond);
		added.push(pond);
	}
	return added;
}

function renderPond(pond: LeadPondRecord): Record<string, unknown> {
	return { id: pond.id, pondName: pond.pondName, pondOwnerId: pond.pondOwnerId, agentIds: [...pond.agentIds] };
}

/** `params` of a select field: JSON `{"option": [...]}` with distinct, non-empty strings. */
function readSelectOptions(params: string | undefined, type: string): string {
	if (params === undefined || params.trim() === '') throw badRequest(`params is required for attributeType ${type}`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(params);
	} catch {
		throw badRequest(`params is not valid: ${params}`);
	}
	const options = (parsed as { option?: unknown } | null)?.option;
	if (
		!Array.isArray(options) ||
		options.length === 0 ||
		!options.every((o) => typeof o === 'string' && o.trim() !== '') ||
		new Set(options).size !== options.length
	) {
		throw badRequest(`params is not valid: ${params}`);
	}
	return params;
}

export function registerTeamFeatureRoutes(router: Router): void {
	router.get('/v1.0/team-features/lead-ponds', ({ data }) => ({ body: leadPondsOf(data).map(renderPond) }));

	router.get('/v1.0/team-features/lead-pond/{id}', (ctx) => {
		const id = pathId(ctx, 'id');
		const pond = leadPondsOf(ctx.data).find((p) => p.id === id);
		if (!pond) throw notFound(LEAD_POND_NOT_FOUND);
		return { body: renderPond(pond) };
	});

	/**
	 * CustomAttribute (6.20): attributeName and attributeType are required; params only for
	 * select and multi_select (and required there); value is ignored ("unnecessary" for a team field).
	 * A name already in use -> 400.
	 */
	router.post('/v1.0/teamFeatures/custom-field', ({ data, body }) => {
		const input = bodyObject(body);
		const attributeName = optStr(input, 'attributeName')?.trim();
		if (!attributeName) throw badRequest('attributeName is required');
		const attributeType = optStr(input, 'attributeType');
		if (attributeType === undefined || attributeType === '') throw badRequest('attributeType is required');
		if (!(CUSTOM_FIELD_TYPES as readonly string[]).includes(attributeType)) {
			throw badRequest(`attributeType is not valid: ${attributeType}`);
		}
		const type = attributeType as LeadCustomFieldRecord['attributeType'];
		const rawParams = optStr(input, 'params');
		let params = '';
		if (type === 'select' || type === 'multi_select') params = readSelectOptions(rawParams, type);
		else if (rawParams !== undefined && rawParams.trim() !== '') {
			throw badRequest(`params is only allowed for select and multi_select, not ${type}`);
		}
		if (data.leadCustomFields.some((f) => f.attributeName.toLowerCase() === attributeName.toLowerCase())) {
			throw badRequest(`custom field already exists: '${attributeName}'`);
		}
		data.leadCustomFields.push({ attributeName, attributeType: type, params });
		return { body: 'success' };
	});
}
