/**
 * Lead routing (reference 5.4): assignable members and roles, routing rules per routing
 * type, and the default ("supplement") rule of each routing type.
 *
 * The reference gives no response schemas and no codes for strategyType or the match
 * types; what the fake chose is marked *(chosen)*:
 * - lists (members, roles, rules) are bare JSON arrays, the default rule a bare object;
 * - both PUTs answer the bare JSON string "ok" (newer Lofty docs show that answer);
 * - strategy codes: 1 Round Robin, 2 Next Up, 3 Blast Alert, 4 Lead Pond, 5 Default Assignee;
 * - RoutingStrategy.memberWeights ("object" in the reference) is a list of MemberWeight;
 * - the RoutingRuleRequest of PUT /v1.0/routing/rule/{type} lists only id, activeHours and
 *   routingStrategy; the fake also accepts and applies the RoutingRule condition fields.
 * - who may take which leads: every member takes agent leads (role Agent), Casey Lee
 *   (700003) lender leads (role Lender), Blake Rivera (700002) assistant leads (role Assistant).
 */
import type { FakeLoftyData } from './data';
import { SEED_BASE_TIME } from './data';
import { badRequest, notFound } from './errors';
import type { RouteContext, Router } from './router';
import type { JsonObject } from './validate';
import {
	bodyObject,
	isObject,
	optBool,
	optInt,
	optIntArray,
	optObj,
	optObjArray,
	optStr,
	optStrArray,
} from './validate';

export const AGENT_LEAD = 1;
export const LENDER_LEAD = 2;
export const ASSISTANT_LEAD = 4;
export const ROUTING_TYPES = [AGENT_LEAD, LENDER_LEAD, ASSISTANT_LEAD];

/** Strategy codes the fake uses *(chosen: the reference does not list them)*. */
export const STRATEGY = {
	roundRobin: 1,
	nextUp: 2,
	blastAlert: 3,
	leadPond: 4,
	defaultAssignee: 5,
} as const;

/** Strategies a routing rule may use, and those the default rule may use (it has no members or pond). */
const RULE_STRATEGIES: number[] = [STRATEGY.roundRobin, STRATEGY.nextUp, STRATEGY.blastAlert, STRATEGY.leadPond];
const DEFAULT_RULE_STRATEGIES: number[] = [STRATEGY.roundRobin, STRATEGY.nextUp, STRATEGY.blastAlert, STRATEGY.defaultAssignee];
/** "Only next up and blast alert are affected" by touchMinutes. */
const TOUCH_STRATEGIES: number[] = [STRATEGY.nextUp, STRATEGY.blastAlert];

/** Role ids of the fake's assignment roles (data.assignRoles). */
const AGENT_ROLE = 1;
const LENDER_ROLE = 2;
const ASSISTANT_ROLE = 3;

/** roleId stored for routing types that have no role (newer Lofty docs: default -1). */
const NO_ROLE = -1;

export const ROUTING_RULE_ID_BASE = 9_100_000;

/** Lead type codes a rule may filter on: Other(-1), Seller(1), Buyer(2), B&S(3), Renter(5). */
const LEAD_TYPE_CODES = ['-1', '1', '2', '3', '5'];
const LEAD_TYPE_FILTER_TYPES = ['one_of', 'all'];
const PHONE_SETTINGS = ['With', 'Without', ''];

export interface MemberWeightRecord {
	memberId: number;
	weight: number;
}

export interface RoutingStrategyRecord {
	strategyType: number;
	groupId: number | null;
	groupName: string | null;
	touchMinutes: number | null;
	memberWeights: MemberWeightRecord[];
}

export interface LocationRuleRecord {
	locationMatchType: number | null;
	state: string | null;
	county: string | null;
	city: string | null;
	zipcode: string | null;
	streetAddress: string | null;
}

/** RoutingRule (6.67) as stored; routingType and roleId say whose list it is on. */
export interface RoutingRuleRecord {
	id: number;
	routingType: number;
	roleId: number;
	name: string;
	locationRule: LocationRuleRecord | null;
	sourceName: string | null;
	sourceMatchType: number | null;
	tagNames: string[];
	tagMatchType: number | null;
	groupNames: string[];
	groupMatchType: number | null;
	phone: string;
	priceMin: number | null;
	priceMax: number | null;
	leadType: string | null;
	leadTypeFilters: string | null;
	activeHours: { activeDays: number[]; hoursStart: number; hoursEnd: number } | null;
	routingStrategy: RoutingStrategyRecord;
	ruleSwitch: boolean;
	updateTime: number;
}

/** SupplementRoutingRule (6.71) as stored. */
export interface DefaultRuleRecord {
	routingType: number;
	roleId: number;
	strategyType: number;
	touchMinutes: number | null;
	assigneeAgentId: number | null;
	assigneeGroupId: number | null;
	updateTime: number;
}

export interface RoutingStore {
	/** Assignment role id -> members who can take leads in that role. */
	roleMembers: Map<number, number[]>;
	rules: RoutingRuleRecord[];
	/** Keyed by `${routingType}:${roleId}`. */
	defaults: Map<string, DefaultRuleRecord>;
}

const stores = new WeakMap<FakeLoftyData, RoutingStore>();

/** The routing store of one fake, seeded on first use. */
export function routingOf(data: FakeLoftyData): RoutingStore {
	let store = stores.get(data);
	if (!store) {
		store = seedRouting();
		stores.set(data, store);
	}
	return store;
}

/** Throws away changes: the next request sees the seeded rules again. */
export function resetRouting(data: FakeLoftyData): void {
	stores.delete(data);
}

function weights(...pairs: Array<[number, number]>): MemberWeightRecord[] {
	return pairs.map(([memberId, weight]) => ({ memberId, weight }));
}

function strategy(strategyType: number, extra: Partial<RoutingStrategyRecord> = {}): RoutingStrategyRecord {
	return { strategyType, groupId: null, groupName: null, touchMinutes: null, memberWeights: [], ...extra };
}

function blankRule(id: number, routingType: number, roleId: number, name: string): RoutingRuleRecord {
	return {
		id,
		routingType,
		roleId,
		name,
		locationRule: null,
		sourceName: null,
		sourceMatchType: null,
		tagNames: [],
		tagMatchType: null,
		groupNames: [],
		groupMatchType: null,
		phone: '',
		priceMin: null,
		priceMax: null,
		leadType: null,
		leadTypeFilters: null,
		activeHours: null,
		routingStrategy: strategy(STRATEGY.roundRobin),
		ruleSwitch: true,
		updateTime: SEED_BASE_TIME,
	};
}

/**
 * Seeded rules (ids 9100001..9100006, in list order):
 * - agent leads: 9100001 Austin Buyers (Round Robin, Blake 2 / Casey 1, weekdays 8-18),
 *   9100002 Sellers (Next Up, 15 min, Alex 1 / Blake 1);
 * - lender leads: 9100003 Pre-Approval (Round Robin, Casey 1), 9100004 Unclaimed Lender Leads
 *   (Lead Pond 1001 "Lender Pond");
 * - assistant leads, role Assistant (3): 9100005 Showing Requests (Blast Alert, 10 min, Blake 1),
 *   9100006 Weekend Inquiries (Round Robin, Blake 1, days 6 and 7).
 * Default rules: agent leads -> Default Assignee Alex Morgan; lender leads -> Default Assignee
 * Casey Lee; assistant leads (role 3) -> Next Up, 30 min.
 */
function seedRouting(): RoutingStore {
	const rules: RoutingRuleRecord[] = [];
	let id = ROUTING_RULE_ID_BASE;

	const austin = blankRule(++id, AGENT_LEAD, NO_ROLE, 'Austin Buyers');
	Object.assign(austin, {
		locationRule: { locationMatchType: 1, state: 'TX', county: null, city: 'Austin', zipcode: null, streetAddress: null },
		sourceName: 'Zillow',
		sourceMatchType: 1,
		tagNames: ['Buyer'],
		tagMatchType: 1,
		groupNames: ['First-Time Buyers'],
		groupMatchType: 1,
		phone: 'With',
		priceMin: 200000,
		priceMax: 600000,
		leadType: '2',
		leadTypeFilters: '[{"type":"one_of","ids":"2,3"}]',
		activeHours: { activeDays: [1, 2, 3, 4, 5], hoursStart: 8, hoursEnd: 18 },
		routingStrategy: strategy(STRATEGY.roundRobin, { memberWeights: weights([700002, 2], [700003, 1]) }),
	});
	rules.push(austin);

	const sellers = blankRule(++id, AGENT_LEAD, NO_ROLE, 'Sellers');
	Object.assign(sellers, {
		leadType: '1',
		routingStrategy: strategy(STRATEGY.nextUp, { touchMinutes: 15, memberWeights: weights([700001, 1], [700002, 1]) }),
	});
	rules.push(sellers);

	const preApproval = blankRule(++id, LENDER_LEAD, NO_ROLE, 'Pre-Approval');
	preApproval.routingStrategy = strategy(STRATEGY.roundRobin, { memberWeights: weights([700003, 1]) });
	rules.push(preApproval);

	const pond = blankRule(++id, LENDER_LEAD, NO_ROLE, 'Unclaimed Lender Leads');
	pond.routingStrategy = strategy(STRATEGY.leadPond, { groupId: 1001, groupName: 'Lender Pond' });
	pond.ruleSwitch = false;
	rules.push(pond);

	const showings = blankRule(++id, ASSISTANT_LEAD, ASSISTANT_ROLE, 'Showing Requests');
	showings.routingStrategy = strategy(STRATEGY.blastAlert, { touchMinutes: 10, memberWeights: weights([700002, 1]) });
	rules.push(showings);

	const weekend = blankRule(++id, ASSISTANT_LEAD, ASSISTANT_ROLE, 'Weekend Inquiries');
	weekend.activeHours = { activeDays: [6, 7], hoursStart: 9, hoursEnd: 17 };
	weekend.routingStrategy = strategy(STRATEGY.roundRobin, { memberWeights: weights([700002, 1]) });
	rules.push(weekend);

	const defaults = new Map<string, DefaultRuleRecord>();
	const addDefault = (record: Omit<DefaultRuleRecord, 'updateTime'>) =>
		defaults.set(`${record.routingType}:${record.roleId}`, { ...record, updateTime: SEED_BASE_TIME });
	addDefault({ routingType: AGENT_LEAD, roleId: NO_ROLE, strategyType: STRATEGY.defaultAssignee, touchMinutes: null, assigneeAgentId: 700001, assigneeGroupId: null });
	addDefault({ routingType: LENDER_LEAD, roleId: NO_ROLE, strategyType: STRATEGY.defaultAssignee, touchMinutes: null, assigneeAgentId: 700003, assigneeGroupId: null });
	addDefault({ routingType: ASSISTANT_LEAD, roleId: ASSISTANT_ROLE, strategyType: STRATEGY.nextUp, touchMinutes: 30, assigneeAgentId: null, assigneeGroupId: null });

	return {
		roleMembers: new Map([
			[AGENT_ROLE, [700001, 700002, 700003]],
			[LENDER_ROLE, [700003]],
			[ASSISTANT_ROLE, [700002]],
		]),
		rules,
		defaults,
	};
}

// ---------------------------------------------------------------- request readers

/** The {type} path parameter: Routing type AGENT_LEAD(1), LENDER_LEAD(2), ASSISTANT_LEAD(4). */
function routingTypeOf(ctx: RouteContext): number {
	const text = ctx.params.type ?? '';
	const type = /^\d+$/.test(text) ? Number(text) : NaN;
	if (!ROUTING_TYPES.includes(type)) {
		throw badRequest(`type is not valid: ${text}. Routing type must be AGENT_LEAD(1), LENDER_LEAD(2) or ASSISTANT_LEAD(4)`);
	}
	return type;
}

function knownRole(data: FakeLoftyData, roleId: number, field = 'roleId'): number {
	if (!data.assignRoles.some((role) => role.roleId === roleId)) throw badRequest(`${field} is not valid: role ${roleId} does not exist`);
	return roleId;
}

/**
 * The role a request is about: required for ASSISTANT_LEAD where the reference says so
 * ("Role id, This parameter is required when type == 4"); ignored for the other types.
 */
function roleFor(data: FakeLoftyData, type: number, roleId: number | undefined, required: boolean): number | undefined {
	if (type !== ASSISTANT_LEAD) return NO_ROLE;
	if (roleId === undefined) {
		if (required) throw badRequest('roleId is required when type is ASSISTANT_LEAD(4)');
		return undefined;
	}
	return knownRole(data, roleId);
}

/** Members who can take leads of a routing type (for ASSISTANT_LEAD: of the role, or of any assistant role). */
function eligibleMembers(data: FakeLoftyData, type: number, roleId: number | undefined): number[] {
	const { roleMembers } = routingOf(data);
	if (type === AGENT_LEAD) return roleMembers.get(AGENT_ROLE) ?? [];
	if (type === LENDER_LEAD) return roleMembers.get(LENDER_ROLE) ?? [];
	if (roleId !== undefined) return roleMembers.get(roleId) ?? [];
	const ids = [...roleMembers.entries()]
		.filter(([role]) => role !== AGENT_ROLE && role !== LENDER_ROLE)
		.flatMap(([, members]) => members);
	return [...new Set(ids)];
}

function memberFor(data: FakeLoftyData, type: number, roleId: number | undefined, memberId: number, field: string): number {
	if (!data.member(memberId)) throw badRequest(`${field} is not valid: ${memberId} is not a member of the team`);
	if (!eligibleMembers(data, type, roleId).includes(memberId)) {
		throw badRequest(`${field} is not valid: member ${memberId} cannot take leads of routing type ${type}`);
	}
	return memberId;
}

function positive(value: number | undefined, field: string): number | undefined {
	if (value !== undefined && value < 1) throw badRequest(`${field} is not valid: ${value}. It must be greater than 0`);
	return value;
}

function hour(value: number | undefined, field: string): number | undefined {
	if (value !== undefined && (value < 0 || value > 23)) throw badRequest(`${field} is not valid: ${value}. It must be between 0 and 23`);
	return value;
}

/** ActiveHours (6.4): days between 1 and 7, hours between 0 and 23. */
function readActiveHours(o: JsonObject, current: RoutingRuleRecord['activeHours']): RoutingRuleRecord['activeHours'] {
	const p = 'activeHours.';
	const activeDays = optIntArray(o, 'activeDays', p);
	for (const day of activeDays ?? []) {
		if (day < 1 || day > 7) throw badRequest(`activeHours.activeDays is not valid: ${day}. Days are between 1 and 7`);
	}
	if (activeDays && new Set(activeDays).size !== activeDays.length) throw badRequest('activeHours.activeDays has a day twice');
	const hoursStart = hour(optInt(o, 'hoursStart', p), 'activeHours.hoursStart');
	const hoursEnd = hour(optInt(o, 'hoursEnd', p), 'activeHours.hoursEnd');
	const merged = {
		activeDays: activeDays ?? current?.activeDays ?? [],
		hoursStart: hoursStart ?? current?.hoursStart,
		hoursEnd: hoursEnd ?? current?.hoursEnd,
	};
	if (merged.hoursStart === undefined || merged.hoursEnd === undefined) {
		throw badRequest('activeHours needs hoursStart and hoursEnd');
	}
	if (merged.activeDays.length === 0) throw badRequest('activeHours.activeDays must name at least one day');
	return merged as NonNullable<RoutingRuleRecord['activeHours']>;
}

/**
 * RoutingStrategy (6.69). A malformed strategy is refused: strategyType missing or unknown,
 * a lead pond without groupId or with members, another strategy without members, a member
 * who is not on the team or cannot take these leads, a weight below 1, a member twice.
 */
function readStrategy(data: FakeLoftyData, rule: RoutingRuleRecord, o: JsonObject): RoutingStrategyRecord {
	const p = 'routingStrategy.';
	const strategyType = optInt(o, 'strategyType', p);
	if (strategyType === undefined) throw badRequest('routingStrategy.strategyType is required');
	if (!RULE_STRATEGIES.includes(strategyType)) throw badRequest(`routingStrategy.strategyType is not valid: ${strategyType}`);
	const groupId = positive(optInt(o, 'groupId', p), 'routingStrategy.groupId');
	const touchMinutes = positive(optInt(o, 'touchMinutes', p), 'routingStrategy.touchMinutes');
	const entries = optObjArray(o, 'memberWeights', p) ?? [];
	const role = rule.routingType === ASSISTANT_LEAD ? rule.roleId : undefined;
	const memberWeights = entries.map((entry, i) => {
		const field = `routingStrategy.memberWeights[${i}]`;
		const memberId = optInt(entry, 'memberId', `${field}.`);
		if (memberId === undefined) throw badRequest(`${field}.memberId is required`);
		const weight = optInt(entry, 'weight', `${field}.`);
		if (weight === undefined) throw badRequest(`${field}.weight is required`);
		return {
			memberId: memberFor(data, rule.routingType, role, memberId, `${field}.memberId`),
			weight: positive(weight, `${field}.weight`) as number,
		};
	});
	if (new Set(memberWeights.map((m) => m.memberId)).size !== memberWeights.length) {
		throw badRequest('routingStrategy.memberWeights names a member twice');
	}
	if (strategyType === STRATEGY.leadPond) {
		if (groupId === undefined) throw badRequest('routingStrategy.groupId is required for a lead pond strategy');
		if (memberWeights.length) throw badRequest('routingStrategy.memberWeights is not allowed for a lead pond strategy');
		const sameGroup = rule.routingStrategy.groupId === groupId;
		return strategy(strategyType, { groupId, groupName: sameGroup ? rule.routingStrategy.groupName : null });
	}
	if (memberWeights.length === 0) throw badRequest('routingStrategy.memberWeights needs at least one member');
	return strategy(strategyType, {
		memberWeights,
		touchMinutes: TOUCH_STRATEGIES.includes(strategyType) ? (touchMinutes ?? rule.routingStrategy.touchMinutes ?? 30) : null,
	});
}

function readLocationRule(o: JsonObject): LocationRuleRecord {
	const p = 'locationRule.';
	return {
		locationMatchType: optInt(o, 'locationMatchType', p) ?? null,
		state: optStr(o, 'state', p) ?? null,
		county: optStr(o, 'county', p) ?? null,
		city: optStr(o, 'city', p) ?? null,
		zipcode: optStr(o, 'zipcode', p) ?? null,
		streetAddress: optStr(o, 'streetAddress', p) ?? null,
	};
}

/** leadType: a lead type code, or several separated by commas. */
function readLeadType(text: string): string {
	const codes = text.split(',').map((code) => code.trim());
	const bad = codes.find((code) => !LEAD_TYPE_CODES.includes(code));
	if (bad !== undefined) throw badRequest(`leadType is not valid: ${text}`);
	return codes.join(',');
}

/** leadTypeFilters: a string holding a JSON list such as [{"type":"one_of","ids":"1,2,3"}]. */
function readLeadTypeFilters(text: string): string {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw badRequest(`leadTypeFilters is not valid JSON: ${text}`);
	}
	if (!Array.isArray(parsed)) throw badRequest('leadTypeFilters must be a JSON list');
	for (const filter of parsed) {
		if (!isObject(filter) || !LEAD_TYPE_FILTER_TYPES.includes(String(filter.type))) {
			throw badRequest(`leadTypeFilters is not valid: type must be one of ${LEAD_TYPE_FILTER_TYPES.join(', ')}`);
		}
		const ids = String(filter.ids ?? '').split(',').map((code) => code.trim());
		const bad = ids.find((code) => !LEAD_TYPE_CODES.includes(code));
		if (bad !== undefined) throw badRequest(`leadTypeFilters is not valid: unknown lead type "${bad}"`);
	}
	return text;
}

function knownNames(names: string[] | undefined, known: string[], field: string): string[] | undefined {
	const unknown = names?.find((name) => !known.includes(name));
	if (unknown !== undefined) throw badRequest(`${field} is not valid: "${unknown}" does not exist`);
	return names;
}

/** Applies a RoutingRuleRequest (plus the RoutingRule condition fields) to a stored rule. */
function applyRuleUpdate(data: FakeLoftyData, rule: RoutingRuleRecord, body: JsonObject): void {
	const activeHours = optObj(body, 'activeHours');
	const routingStrategy = optObj(body, 'routingStrategy');
	const locationRule = optObj(body, 'locationRule');
	const name = optStr(body, 'name');
	if (name !== undefined && name.trim() === '') throw badRequest('name must not be empty');
	const phone = optStr(body, 'phone');
	if (phone !== undefined && !PHONE_SETTINGS.includes(phone)) throw badRequest(`phone is not valid: ${phone}. Use With, Without or ""`);
	const priceMin = optInt(body, 'priceMin');
	const priceMax = optInt(body, 'priceMax');
	for (const [field, price] of [['priceMin', priceMin], ['priceMax', priceMax]] as const) {
		if (price !== undefined && price < 0) throw badRequest(`${field} is not valid: ${price}`);
	}
	const min = priceMin ?? rule.priceMin;
	const max = priceMax ?? rule.priceMax;
	if (min !== null && max !== null && min > max) throw badRequest('priceMin must not be greater than priceMax');
	const leadType = optStr(body, 'leadType');
	const leadTypeFilters = optStr(body, 'leadTypeFilters');
	const tagNames = knownNames(optStrArray(body, 'tagNames'), data.tags.map((t) => t.tagName), 'tagNames');
	const groupNames = knownNames(optStrArray(body, 'groupNames'), data.segments.map((s) => s.name), 'groupNames');

	const next: RoutingRuleRecord = {
		...rule,
		name: name ?? rule.name,
		ruleSwitch: optBool(body, 'ruleSwitch') ?? rule.ruleSwitch,
		sourceName: optStr(body, 'sourceName') ?? rule.sourceName,
		sourceMatchType: optInt(body, 'sourceMatchType') ?? rule.sourceMatchType,
		tagNames: tagNames ?? rule.tagNames,
		tagMatchType: optInt(body, 'tagMatchType') ?? rule.tagMatchType,
		groupNames: groupNames ?? rule.groupNames,
		groupMatchType: optInt(body, 'groupMatchType') ?? rule.groupMatchType,
		phone: phone ?? rule.phone,
		priceMin: min,
		priceMax: max,
		leadType: leadType === undefined ? rule.leadType : leadType === '' ? null : readLeadType(leadType),
		leadTypeFilters:
			leadTypeFilters === undefined ? rule.leadTypeFilters : leadTypeFilters === '' ? null : readLeadTypeFilters(leadTypeFilters),
		locationRule: locationRule ? readLocationRule(locationRule) : rule.locationRule,
		activeHours: activeHours ? readActiveHours(activeHours, rule.activeHours) : rule.activeHours,
		routingStrategy: routingStrategy ? readStrategy(data, rule, routingStrategy) : rule.routingStrategy,
		updateTime: data.now(),
	};
	Object.assign(rule, next);
}

// ---------------------------------------------------------------- rendering

function memberName(data: FakeLoftyData, memberId: number | null): string | null {
	const member = data.member(memberId ?? undefined);
	return member ? `${member.firstName} ${member.lastName}` : null;
}

/** RoutingRule (6.67). */
export function renderRule(data: FakeLoftyData, rule: RoutingRuleRecord): Record<string, unknown> {
	const s = rule.routingStrategy;
	return {
		id: rule.id,
		name: rule.name,
		locationRule: rule.locationRule ? { ...rule.locationRule } : null,
		sourceName: rule.sourceName,
		sourceMatchType: rule.sourceMatchType,
		tagNames: [...rule.tagNames],
		tagMatchType: rule.tagMatchType,
		groupNames: [...rule.groupNames],
		groupMatchType: rule.groupMatchType,
		phone: rule.phone,
		priceMin: rule.priceMin,
		priceMax: rule.priceMax,
		leadType: rule.leadType,
		leadTypeFilters: rule.leadTypeFilters,
		activeHours: rule.activeHours ? { ...rule.activeHours, activeDays: [...rule.activeHours.activeDays] } : null,
		routingStrategy: {
			strategyType: s.strategyType,
			groupId: s.groupId,
			groupName: s.groupName,
			touchMinutes: s.touchMinutes,
			memberWeights: s.memberWeights.map((m) => {
				const member = data.member(m.memberId);
				return { memberId: m.memberId, firstName: member?.firstName ?? null, lastName: member?.lastName ?? null, weight: m.weight };
			}),
		},
		ruleSwitch: rule.ruleSwitch,
		updateTime: rule.updateTime,
	};
}

/** SupplementRoutingRule (6.71): the reference types the assignee ids as strings. */
export function renderDefaultRule(data: FakeLoftyData, rule: DefaultRuleRecord): Record<string, unknown> {
	const group = data.members.find((m) => m.groupId === rule.assigneeGroupId);
	return {
		roleId: rule.roleId,
		businessType: rule.routingType,
		strategyType: rule.strategyType,
		touchMinutes: rule.touchMinutes,
		assigneeAgentId: rule.assigneeAgentId === null ? null : String(rule.assigneeAgentId),
		assigneeAgentName: memberName(data, rule.assigneeAgentId),
		assigneeGroupId: rule.assigneeGroupId === null ? null : String(rule.assigneeGroupId),
		assigneeGroupName: group?.groupName ?? null,
		updateTime: rule.updateTime,
	};
}

/** The default rule of a routing type (and role); an assistant role without one starts as Default Assignee, the current user. */
function defaultRuleOf(data: FakeLoftyData, type: number, roleId: number): DefaultRuleRecord {
	const { defaults } = routingOf(data);
	const key = `${type}:${roleId}`;
	let rule = defaults.get(key);
	if (!rule) {
		rule = {
			routingType: type,
			roleId,
			strategyType: STRATEGY.defaultAssignee,
			touchMinutes: null,
			assigneeAgentId: data.currentUserId,
			assigneeGroupId: null,
			updateTime: SEED_BASE_TIME,
		};
		defaults.set(key, rule);
	}
	return rule;
}

// ---------------------------------------------------------------- routes

export function registerRoutingRoutes(router: Router): void {
	/** 5.4.1 GET /v1.0/routing/member/list/{type}?roleId -> AssignMember[] {id, name, type: 1 (team member)} *(chosen)*. */
	router.get('/v1.0/routing/member/list/{type}', (ctx) => {
		const type = routingTypeOf(ctx);
		const roleId = roleFor(ctx.data, type, ctx.query.int('roleId'), false);
		const members = eligibleMembers(ctx.data, type, roleId === NO_ROLE ? undefined : roleId);
		return {
			body: members.map((id) => ({ id, name: memberName(ctx.data, id), type: 1 })),
		};
	});

	/** 5.4.2 GET /v1.0/routing/role/list -> AssignRole[] {id, name}: the fake's assignment roles. */
	router.get('/v1.0/routing/role/list', (ctx) => ({
		body: ctx.data.assignRoles.map((role) => ({ id: role.roleId, name: role.role })),
	}));

	/** 5.4.3 GET /v1.0/routing/rule/list/{type}?roleId (required when type == 4) -> RoutingRule[]. */
	router.get('/v1.0/routing/rule/list/{type}', (ctx) => {
		const type = routingTypeOf(ctx);
		const roleId = roleFor(ctx.data, type, ctx.query.int('roleId'), true);
		const rules = routingOf(ctx.data).rules.filter((rule) => rule.routingType === type && rule.roleId === roleId);
		return { body: rules.map((rule) => renderRule(ctx.data, rule)) };
	});

	/** 5.4.4 GET /v1.0/routing/rule/supplement/{type}?roleId (required when type == 4) -> SupplementRoutingRule. */
	router.get('/v1.0/routing/rule/supplement/{type}', (ctx) => {
		const type = routingTypeOf(ctx);
		const roleId = roleFor(ctx.data, type, ctx.query.int('roleId'), true) as number;
		return { body: renderDefaultRule(ctx.data, defaultRuleOf(ctx.data, type, roleId)) };
	});

	/**
	 * 5.4.5 PUT /v1.0/routing/rule/supplement/{type} (SupplementRoutingRuleRequest) -> "ok".
	 * roleId is required in the body when type == 4. strategyType is required and must be one
	 * a default rule can use; Default Assignee needs assigneeAgentId (or, for agent leads only,
	 * assigneeGroupId). touchMinutes only counts for Next Up and Blast Alert, assigneeGroupId
	 * only for agent leads; both are dropped otherwise.
	 */
	router.put('/v1.0/routing/rule/supplement/{type}', (ctx) => {
		const type = routingTypeOf(ctx);
		const body = bodyObject(ctx.body);
		const roleId = roleFor(ctx.data, type, optInt(body, 'roleId'), true) as number;
		const strategyType = optInt(body, 'strategyType');
		if (strategyType === undefined) throw badRequest('strategyType is required');
		if (!DEFAULT_RULE_STRATEGIES.includes(strategyType)) throw badRequest(`strategyType is not valid: ${strategyType}`);
		const touchMinutes = positive(optInt(body, 'touchMinutes'), 'touchMinutes');
		const agentId = optInt(body, 'assigneeAgentId');
		const assigneeAgentId =
			agentId === undefined ? undefined : memberFor(ctx.data, type, type === ASSISTANT_LEAD ? roleId : undefined, agentId, 'assigneeAgentId');
		const groupId = type === AGENT_LEAD ? optInt(body, 'assigneeGroupId') : undefined;
		if (groupId !== undefined && !ctx.data.members.some((m) => m.groupId === groupId)) {
			throw badRequest(`assigneeGroupId is not valid: group ${groupId} does not exist`);
		}
		if (strategyType === STRATEGY.defaultAssignee && assigneeAgentId === undefined && groupId === undefined) {
			throw badRequest('assigneeAgentId is required for the default assignee strategy');
		}
		const rule = defaultRuleOf(ctx.data, type, roleId);
		const isDefaultAssignee = strategyType === STRATEGY.defaultAssignee;
		Object.assign(rule, {
			strategyType,
			touchMinutes: TOUCH_STRATEGIES.includes(strategyType) ? (touchMinutes ?? rule.touchMinutes ?? 30) : null,
			assigneeAgentId: isDefaultAssignee ? (assigneeAgentId ?? null) : null,
			assigneeGroupId: isDefaultAssignee ? (groupId ?? null) : null,
			updateTime: ctx.data.now(),
		});
		return { body: 'ok' };
	});

	/**
	 * 5.4.6 PUT /v1.0/routing/rule/{type} (RoutingRuleRequest {id, activeHours, routingStrategy},
	 * plus RoutingRule condition fields) -> "ok". The rule must be on that routing type's list.
	 */
	router.put('/v1.0/routing/rule/{type}', (ctx) => {
		const type = routingTypeOf(ctx);
		const body = bodyObject(ctx.body);
		const id = optInt(body, 'id');
		if (id === undefined) throw badRequest('id is required');
		const rule = routingOf(ctx.data).rules.find((r) => r.id === id && r.routingType === type);
		if (!rule) throw notFound(`Routing rule ${id} not found`);
		applyRuleUpdate(ctx.data, rule, body);
		return { body: 'ok' };
	});
}
