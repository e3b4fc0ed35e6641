/**
 * The reference's Leads group (5.5.1 - 5.5.23). Response shapes where the reference only
 * says "string" are documented on each route.
 */
import type { LeadRecord, TransactionRecord } from './data';
import type { RouteContext, Router } from './router';
import { pathId } from './router';
import { badRequest, leadNotFound, LIMIT_NOT_VALID, notFound } from './errors';
import {
	applyLeadPatch,
	checkBirthday,
	checkCustomValue,
	checkEmail,
	checkPhone,
	loginToken,
	readInquiry,
	readLeadPatch,
	readProperty,
	renderLead,
} from './lead-model';
import { parseUtcMinus7 } from './time';
import {
	bodyArray,
	bodyObject,
	isObject,
	JsonObject,
	optBool,
	optDateMs,
	optInt,
	optNum,
	optObj,
	optObjArray,
	optStr,
} from './validate';

/** Values the reference lists for the `sort` parameter of GET /v1.0/leads. */
export const LEAD_SORT_VALUES = [
	'Default', 'LastContact', 'LastCall', 'LastEmail', 'LastActivity', 'CreateTime', 'Inquries', 'DeleteTime',
	'AssignTime', 'Score', 'Activity', 'Communication', 'HasDrip', 'HasAlert', 'Task', 'Lender', 'ActivitySearch',
	'ActivityViews', 'ActivityFavorites', 'DripStatus', 'DripOpenRate', 'AlertFrequency', 'AlertOpenRate', 'SCOREV2',
	'SmartPlanStatus',
];

export const ACTIVITIES_PAGE_SIZE = 100;
export const TRANSACTION_TYPES = ['Purchase', 'Listing'];
const COMMISSION_CALCULATE_TYPES = ['AMOUNT', 'PERCENT'];
const COMMISSION_PAY_TYPES = ['AGENT', 'BROKERAGE', 'LEAD', 'OTHER', 'TEAM', 'VENDOR_PARTNER'];

// ---------------------------------------------------------------- helpers

function requireLead(ctx: RouteContext, withTrash = false): LeadRecord {
	const lead = ctx.data.lead(pathId(ctx, 'leadId'), withTrash);
	if (!lead) throw leadNotFound();
	return lead;
}

function requireTransaction(ctx: RouteContext, lead: LeadRecord, transactionId: number): TransactionRecord {
	const tx = ctx.data.transactions.get(transactionId);
	if (!tx || tx.leadId !== lead.leadId) throw notFound('Transaction not found');
	return tx;
}

type SearchKind = 'leads' | 'createTime' | 'updateTime';

/** Applies the search filters of GET /v1.0/leads (and its createTime/updateTime variants). */
function filterLeads(ctx: RouteContext, kind: SearchKind): LeadRecord[] {
	const { query, data } = ctx;
	const email = query.str('email')?.toLowerCase();
	const phone = query.str('phone');
	const source = query.str('source');
	const stages = query.list('stage');
	const anyTags = query.list('anyTags');
	const allTags = query.list('allTags');
	const segmentNames = [...query.list('segments'), ...query.list('groups')];
	const segmentIds = kind === 'leads' ? [...query.intList('segmentIds'), ...query.intList('groupIds')] : [];
	for (const id of segmentIds) {
		const seg = data.segments.find((s) => s.id === id);
		// an unknown id matches nothing, but keeps the filter active
		segmentNames.push(seg ? seg.name : `\u0000segment-${id}`);
	}
	const contacted = query.bool('contacted');
	const languages = kind === 'leads' ? query.list('languages') : [];
	const assignedUserId = kind === 'leads' ? query.int('assignedUserId') : undefined;
	query.bool('preciseSearchFlag'); // accepted; email and phone are always exact
	query.bool('querySubGroup');
	if (kind === 'leads') {
		const sort = query.str('sort');
		if (sort !== undefined && !LEAD_SORT_VALUES.includes(sort)) throw badRequest(`sort is not valid: '${sort}'`);
	}
	let since: number | undefined;
	if (kind === 'createTime' || kind === 'updateTime') {
		const param = kind === 'createTime' ? 'leadCreateTime' : 'leadUpdateTime';
		const text = query.str(param);
		if (text === undefined) throw badRequest(`${param} is required`);
		since = parseUtcMinus7(text, param);
	}

	return data.liveLeads().filter((lead) => {
		if (email !== undefined && !lead.emails.some((e) => e.toLowerCase() === email)) return false;
		if (phone !== undefined && !lead.phones.includes(phone)) return false;
		if (source !== undefined && lead.profile.source !== source) return false;
		if (stages.length > 0 && !stages.includes(lead.stage)) return false;
		if (anyTags.length > 0 && !anyTags.some((t) => lead.tags.includes(t))) return false;
		if (allTags.length > 0 && !allTags.every((t) => lead.tags.includes(t))) return false;
		if (segmentNames.length > 0 && !segmentNames.some((s) => lead.segments.includes(s))) return false;
		if (contacted !== undefined && lead.contacted !== contacted) return false;
		if (languages.length > 0 && !languages.includes(lead.profile.language ?? '')) return false;
		if (assignedUserId !== undefined && lead.assignedUserId !== assignedUserId) return false;
		if (since !== undefined && (kind === 'createTime' ? lead.createTime : lead.updateTime) < since) return false;
		return true;
	});
}

/**
 * Lead search with offset and scrollId paging. Order: newest first by createTime
 * (updateTime for the updateTime search), ties by leadId; `desc=false` on GET /v1.0/leads
 * reverses it. Every non-scroll request opens a scroll context over a snapshot of the
 * matching ids and returns its id; a scroll request returns the next `limit` leads of the
 * snapshot (current state of each lead) and ignores offset and filters.
 */
function searchLeads(ctx: RouteContext, kind: SearchKind) {
	const { query, data, options } = ctx;
	const limit = query.int('limit', LIMIT_NOT_VALID) ?? 10;
	if (limit < 1 || limit > 100) throw badRequest(LIMIT_NOT_VALID);
	const scrollId = query.str('scrollId');
	let page: LeadRecord[];
	let offset: number;
	let total: number;
	let scroll;
	if (scrollId !== undefined) {
		scroll = data.scrolls.get(scrollId);
		if (!scroll) throw badRequest(`scrollId is not valid or expired: '${scrollId}'`);
		offset = scroll.position;
		const ids = scroll.ids.slice(scroll.position, scroll.position + limit);
		scroll.position += ids.length;
		total = scroll.ids.length;
		page = ids.map((id) => data.leads.get(id)).filter((l): l is LeadRecord => l !== undefined);
	} else {
		offset = query.int('offset', 'OFFSET_NOT_VALID') ?? 0;
		if (offset < 0) throw badRequest('OFFSET_NOT_VALID');
		const desc = kind === 'leads' ? query.bool('desc') ?? true : true;
		const key = (l: LeadRecord) => (kind === 'updateTime' ? l.updateTime : l.createTime);
		const matching = filterLeads(ctx, kind).sort((a, b) => key(a) - key(b) || a.leadId - b.leadId);
		if (desc) matching.reverse();
		total = matching.length;
		page = matching.slice(offset, offset + limit);
		scroll = {
			id: data.nextScrollId(),
			collection: kind,
			ids: matching.map((l) => l.leadId),
			position: Math.min(total, offset + limit),
			createdAt: Date.now(),
		};
		data.scrolls.set(scroll.id, scroll);
	}
	const leads = page.map((l) => {
		const rendered = renderLead(data, options, l);
		return options.wrapLeadEntries ? { lead: rendered } : rendered;
	});
	return {
		body: {
			_metadata: { collection: 'leads', limit, offset, total, scrollId: scroll.id },
			leads,
		},
	};
}

/** LeadTransaction (6.46). */
function renderTransaction(ctx: RouteContext, tx: TransactionRecord): JsonObject {
	const lead = ctx.data.leads.get(tx.leadId);
	const name = lead ? [lead.profile.firstName, lead.profile.lastName].filter(Boolean).join(' ') : '';
	const out: JsonObject = { transactionId: tx.transactionId };
	for (const key of TX_STRING_FIELDS) out[key] = tx.fields[key] ?? null;
	for (const key of TX_NUMBER_FIELDS) out[key] = tx.fields[key] ?? null;
	for (const key of TX_DATE_FIELDS) out[key] = tx.fields[key] ?? null;
	Object.assign(out, {
		assignedAgent: lead?.assignedUserId ?? null,
		leadName: name || null,
		created: tx.created,
		updated: tx.updated,
		customFields: tx.customFields.map((c) => ({ ...c })),
		commissions: tx.commissions,
	});
	return out;
}

const TX_STRING_FIELDS = ['transactionName', 'transactionStatus', 'transactionType'];
const TX_NUMBER_FIELDS = ['homePrice', 'commissionRate', 'gci', 'agentRevenue', 'teamRevenue'];
const TX_DATE_FIELDS = [
	'closeDate', 'expectedCloseDate', 'agreementSignedDate', 'appointmentDate', 'appraisalDate', 'contractDate',
	'escrowDate', 'expiration', 'homeInspectionDate', 'offerDate',
];

function readCommissionList(o: JsonObject, key: string): JsonObject[] | undefined {
	const list = optObjArray(o, key, 'commissions.');
	return list?.map((c, i) => {
		const p = `commissions.${key}[${i}].`;
		const calculateType = optStr(c, 'calculateType', p) ?? 'AMOUNT';
		if (!COMMISSION_CALCULATE_TYPES.includes(calculateType)) throw badRequest(`${p}calculateType is not valid: '${calculateType}'`);
		const payType = optStr(c, 'payType', p) ?? 'AGENT';
		if (!COMMISSION_PAY_TYPES.includes(payType)) throw badRequest(`${p}payType is not valid: '${payType}'`);
		const splitPayType = optStr(c, 'splitPayType', p);
		if (splitPayType !== undefined && !COMMISSION_PAY_TYPES.includes(splitPayType)) {
			throw badRequest(`${p}splitPayType is not valid: '${splitPayType}'`);
		}
		const desc = optStr(c, 'desc', p);
		if (desc !== undefined && desc.length > 512) throw badRequest(`${p}desc must be no more than 512 characters`);
		for (const nameKey of ['payToName', 'splitPayToName']) {
			const v = optStr(c, nameKey, p);
			if (v !== undefined && v.length > 255) throw badRequest(`${p}${nameKey} must be no more than 255 characters`);
		}
		return {
			id: optInt(c, 'id', p) ?? null,
			calculateType,
			payType,
			payTo: optInt(c, 'payTo', p) ?? null,
			payToName: optStr(c, 'payToName', p) ?? null,
			splitPayType: splitPayType ?? null,
			splitPayTo: optInt(c, 'splitPayTo', p) ?? null,
			splitPayToName: optStr(c, 'splitPayToName', p) ?? null,
			value: optInt(c, 'value', p) ?? null,
			desc: desc ?? null,
		};
	});
}

interface TransactionPatch {
	fields: JsonObject;
	customFields?: Array<{ id: number; value: string }>;
	commissions?: JsonObject;
	created?: number;
}

/** Validates a LeadTransaction body; assignedAgent, leadName and updated are ignored (not updatable). */
function readTransaction(ctx: RouteContext, body: JsonObject): TransactionPatch {
	const patch: TransactionPatch = { fields: {} };
	for (const key of TX_STRING_FIELDS) {
		const v = optStr(body, key);
		if (v !== undefined) patch.fields[key] = v;
	}
	const type = patch.fields.transactionType;
	if (type !== undefined && !TRANSACTION_TYPES.includes(String(type))) {
		throw badRequest(`transactionType is not valid: '${String(type)}', expected Purchase or Listing`);
	}
	for (const key of TX_NUMBER_FIELDS) {
		const v = optNum(body, key);
		if (v !== undefined) patch.fields[key] = v;
	}
	for (const key of TX_DATE_FIELDS) {
		const v = optInt(body, key);
		if (v !== undefined) patch.fields[key] = v;
	}
	patch.created = optInt(body, 'created');
	const custom = optObjArray(body, 'customFields');
	if (custom !== undefined) {
		patch.customFields = custom.map((c, i) => {
			const p = `customFields[${i}].`;
			const id = optInt(c, 'id', p);
			if (id === undefined) throw badRequest(`${p}id is required`);
			const def = ctx.data.transactionCustomFields.find((d) => d.id === id);
			if (!def) throw badRequest(`transaction custom field not found: ${id}`);
			const value = optStr(c, 'value', p) ?? '';
			checkCustomValue(def.type, def.params, value, def.name);
			return { id, value };
		});
	}
	const commissions = optObj(body, 'commissions');
	if (commissions) {
		patch.commissions = {
			preSplit: readCommissionList(commissions, 'preSplit') ?? [],
			split: readCommissionList(commissions, 'split') ?? [],
			postSplit: readCommissionList(commissions, 'postSplit') ?? [],
		};
	}
	return patch;
}

const ADDRESS_FIELDS = ['streetAddress', 'unit', 'city', 'county', 'state', 'zipCode', 'label'];

function renderAddress(tx: TransactionRecord): JsonObject {
	const out: JsonObject = { transactionId: tx.transactionId };
	for (const key of ADDRESS_FIELDS) out[key] = tx.propertyAddress?.[key] ?? null;
	return out;
}

// ---------------------------------------------------------------- routes

export function registerLeadRoutes(router: Router): void {
	/**
	 * 5.5.3 POST /v1.0/leads (LeadRequest) -> 200 `{"leadId": <new id>}`.
	 * Needs at least one of firstName, lastName, emails, phones. Without assignedUserId the
	 * lead is assigned to the current user (stand-in for routing). Default stage is the
	 * first pipeline stage ('New Lead'). `content`/`isPin` add a note; welcomeEmail,
	 * leadAlert and leadRouting are stored in the record's createFlags. The query parameter
	 * hideVendorId is accepted and ignored.
	 */
	router.post('/v1.0/leads', (ctx) => {
		const body = bodyObject(ctx.body, 'lead');
		const patch = readLeadPatch(ctx.data, body);
		const hasIdentity =
			(patch.strings.firstName ?? '') !== '' ||
			(patch.strings.lastName ?? '') !== '' ||
			(patch.emails ?? []).length > 0 ||
			(patch.phones ?? []).length > 0;
		if (!hasIdentity) throw badRequest('lead info is empty: firstName, lastName, emails or phones is required');
		const welcomeEmail = optBool(body, 'welcomeEmail');
		const leadAlert = optBool(body, 'leadAlert');
		const leadRouting = optBool(body, 'leadRouting');
		optInt(body, 'assignGroupId');
		const content = optStr(body, 'content');
		const isPin = optBool(body, 'isPin');
		const lead = ctx.data.addLead({ assignedUserId: patch.assignedUserId });
		delete patch.assignedUserId;
		applyLeadPatch(ctx.data, lead, patch);
		if (patch.leadType !== undefined && patch.leadTypes === undefined) lead.leadTypes = [patch.leadType];
		lead.createdViaApiAt = Date.now();
		lead.createFlags = { welcomeEmail, leadAlert, leadRouting };
		if (content !== undefined && content !== '') {
			const now = ctx.data.now();
			ctx.data.notes.push({
				id: ctx.data.nextNoteId(),
				leadId: lead.leadId,
				content,
				isPin: isPin ?? false,
				creatorId: ctx.data.currentUserId,
				createTime: now,
				updateTime: now,
				deleted: false,
			});
		}
		return { body: { leadId: lead.leadId } };
	});

	/** 5.5.4 GET /v1.0/leads -> LeadListResponse (see searchLeads). */
	router.get('/v1.0/leads', (ctx) => searchLeads(ctx, 'leads'));

	/** 5.5.6 GET /v1.0/leads/createTime: leadCreateTime (required, UTC-7 wall time) <= createTime. */
	router.get('/v1.0/leads/createTime', (ctx) => searchLeads(ctx, 'createTime'));

	/** 5.5.8 GET /v1.0/leads/updateTime: leadUpdateTime (required, UTC-7 wall time) <= lastUpdateTime. */
	router.get('/v1.0/leads/updateTime', (ctx) => searchLeads(ctx, 'updateTime'));

	/**
	 * 5.5.5 POST /v1.0/leads/assignee (LeadAssigneeRequest) -> LeadCustomRoleAssigneeInfo[]:
	 * live leads matching email or phone exactly (firstName/lastName narrow it when given).
	 */
	router.post('/v1.0/leads/assignee', (ctx) => {
		const body = bodyObject(ctx.body, 'leadAssigneeRequest');
		const email = optStr(body, 'email');
		const phone = optStr(body, 'phone');
		const firstName = optStr(body, 'firstName');
		const lastName = optStr(body, 'lastName');
		checkBirthday(optStr(body, 'birthday'), 'birthday');
		if (!email && !phone) throw badRequest('email or phone is required');
		if (phone) checkPhone(phone, 'phone');
		const matches = ctx.data.liveLeads().filter((l) => {
			const byEmail = email ? l.emails.some((e) => e.toLowerCase() === email.toLowerCase()) : false;
			const byPhone = phone ? l.phones.includes(phone) : false;
			if (!byEmail && !byPhone) return false;
			if (firstName && (l.profile.firstName ?? '').toLowerCase() !== firstName.toLowerCase()) return false;
			if (lastName && (l.profile.lastName ?? '').toLowerCase() !== lastName.toLowerCase()) return false;
			return true;
		});
		return {
			body: matches.map((l) => ({
				leadId: l.leadId,
				leadUserId: l.leadUserId,
				firstName: l.profile.firstName ?? null,
				lastName: l.profile.lastName ?? null,
				customRoleAssignees: l.customRoles.map((r) => {
					const m = ctx.data.member(r.assigneeId);
					return {
						roleId: r.roleId,
						role: r.role,
						assigneeId: r.assigneeId,
						assignee: m?.email ?? null,
						agentFullName: m ? `${m.firstName} ${m.lastName}` : null,
						permissionProfileName: m?.permissionProfileName ?? null,
					};
				}),
			})),
		};
	});

	/**
	 * 5.5.7 POST /v1.0/leads/specified-url (LinkRequest {leadId, loftyWebsiteURL}) ->
	 * a bare JSON string: the URL with a `token` query parameter (login token) added.
	 */
	router.post('/v1.0/leads/specified-url', (ctx) => {
		const body = bodyObject(ctx.body, 'linkRequest');
		const leadId = optInt(body, 'leadId');
		if (leadId === undefined) throw badRequest('leadId is required');
		const urlText = optStr(body, 'loftyWebsiteURL');
		if (!urlText) throw badRequest('loftyWebsiteURL is required');
		let url: URL;
		try {
			url = new URL(urlText);
		} catch {
			throw badRequest(`loftyWebsiteURL is not valid: '${urlText}'`);
		}
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest(`loftyWebsiteURL is not valid: '${urlText}'`);
		if (!ctx.data.lead(leadId)) throw leadNotFound();
		url.searchParams.set('token', loginToken(leadId));
		return { body: url.toString() };
	});

	/**
	 * 5.5.9 GET /v1.0/leads/{leadId}?withTrash -> LeadResponse (or `{lead: LeadResponse}` with
	 * the wrapGetLead option). Trashed leads only with withTrash=true. With the
	 * createVisibilityDelayMs option a lead created through the API 404s for that long.
	 */
	router.get('/v1.0/leads/{leadId}', (ctx) => {
		const withTrash = ctx.query.bool('withTrash') ?? false;
		const lead = requireLead(ctx, withTrash);
		const delay = ctx.options.createVisibilityDelayMs;
		if (delay > 0 && lead.createdViaApiAt !== undefined && Date.now() - lead.createdViaApiAt < delay) throw leadNotFound();
		const rendered = renderLead(ctx.data, ctx.options, lead);
		return { body: ctx.options.wrapGetLead ? { lead: rendered } : rendered };
	});

	/**
	 * 5.5.10 PUT /v1.0/leads/{leadId} (EditLeadRequest) -> `{"leadId": id}`. Merges the given
	 * fields: `tags` replaces all tags, `tagsAdd` adds, emails/phones/segments replace,
	 * customAttributeList updates by attributeName, `property` replaces the primary property.
	 */
	router.put('/v1.0/leads/{leadId}', (ctx) => {
		const lead = requireLead(ctx);
		const patch = readLeadPatch(ctx.data, bodyObject(ctx.body, 'request'));
		applyLeadPatch(ctx.data, lead, patch);
		lead.updateTime = ctx.data.now();
		return { body: { leadId: lead.leadId } };
	});

	/** 5.5.11 DELETE /v1.0/leads/{leadId}?reason= (required) -> `{"leadId": id}`; moves the lead to the trash. */
	router.delete('/v1.0/leads/{leadId}', (ctx) => {
		const lead = requireLead(ctx);
		const reason = ctx.query.str('reason');
		if (reason === undefined || reason.trim() === '') throw badRequest('reason is required');
		const now = ctx.data.now();
		lead.deleted = true;
		lead.deleteReason = reason;
		lead.deleteTime = now;
		lead.updateTime = now;
		return { body: { leadId: lead.leadId } };
	});

	/** 5.5.12 GET /v1.0/leads/{leadId}/activities?curPage -> LeadActivityRes[] (100 a page, newest first). */
	router.get('/v1.0/leads/{leadId}/activities', (ctx) => {
		const lead = requireLead(ctx);
		const curPage = ctx.query.int('curPage', 'curPage is not valid') ?? 0;
		if (curPage < 0) throw badRequest('curPage is not valid');
		const all = ctx.data.activitiesOf(lead.leadId).sort((a, b) => b.created - a.created || b.seq - a.seq);
		const page = all.slice(curPage * ACTIVITIES_PAGE_SIZE, (curPage + 1) * ACTIVITIES_PAGE_SIZE);
		return {
			body: page.map((a) => ({
				created: a.created,
				type: a.type,
				text: a.text,
				link: a.link,
				pageName: a.pageName,
				picture: a.picture,
				scheduledDate: a.scheduledDate,
				listing: a.listing,
			})),
		};
	});

	/** 5.5.13 POST /v1.0/leads/{leadId}/activity (LeadActivityReq, `type` required) -> `{"leadId": id}`. */
	router.post('/v1.0/leads/{leadId}/activity', (ctx) => {
		const lead = requireLead(ctx);
		const body = bodyObject(ctx.body, 'leadActivity');
		const type = optStr(body, 'type');
		if (!type) throw badRequest('type is required');
		const seq = ctx.data.activitiesOf(lead.leadId).reduce((max, a) => Math.max(max, a.seq), 0) + 1;
		ctx.data.activities.push({
			leadId: lead.leadId,
			seq,
			created: optInt(body, 'created') ?? ctx.data.now(),
			type,
			text: optStr(body, 'text') ?? null,
			link: optStr(body, 'link') ?? null,
			pageName: optStr(body, 'pageName') ?? null,
			picture: optStr(body, 'picture') ?? null,
			scheduledDate: optStr(body, 'scheduledDate') ?? null,
			listing: optObj(body, 'listing') ?? null,
		});
		lead.lastVisit = ctx.data.now();
		return { body: { leadId: lead.leadId } };
	});

	/**
	 * 5.5.14 POST /v1.0/leads/{leadId}/assignment with a JSON array of LeadAssigineeRequest
	 * `{assiginee: <member account (email)>, role: 'Agent' | 'Lender' | 'Assistant'}`
	 * (the field name keeps the reference's spelling; role defaults to Agent) -> `{"leadId": id}`.
	 */
	router.post('/v1.0/leads/{leadId}/assignment', (ctx) => {
		const lead = requireLead(ctx);
		const list = bodyArray(ctx.body, 'assigneeRequest');
		if (list.length === 0) throw badRequest('assigneeRequest must not be empty');
		const changes = list.map((item, i) => {
			if (!isObject(item)) throw badRequest(`JSON parse error: assigneeRequest[${i}] must be an object`);
			const p = `assigneeRequest[${i}].`;
			const account = optStr(item, 'assiginee', p);
			if (!account) throw badRequest(`${p}assiginee is required (account of the assignee)`);
			const member = ctx.data.memberByEmail(account);
			if (!member) throw badRequest(`assiginee not found: '${account}'`);
			const roleName = optStr(item, 'role', p) ?? 'Agent';
			const role = ctx.data.assignRoles.find((r) => r.role.toLowerCase() === roleName.toLowerCase());
			if (!role) throw badRequest(`role is not valid: '${roleName}'`);
			return { member, role };
		});
		for (const { member, role } of changes) {
			if (role.roleId === 1) {
				ctx.data.assignAgent(lead, member.id);
				continue;
			}
			lead.customRoles = lead.customRoles.filter((r) => r.roleId !== role.roleId);
			lead.customRoles.push({ roleId: role.roleId, role: role.role, assigneeId: member.id });
			if (role.role === 'Lender') lead.lenderUserId = member.id;
		}
		lead.updateTime = ctx.data.now();
		return { body: { leadId: lead.leadId } };
	});

	/** 5.5.15 POST /v1.0/leads/{leadId}/inquiry (LeadInquiryReq) -> `{"leadId": id, "inquiryId": n}`; replaces leadInquiry. */
	router.post('/v1.0/leads/{leadId}/inquiry', (ctx) => {
		const lead = requireLead(ctx);
		const inquiry = readInquiry(bodyObject(ctx.body, 'inquiry'));
		applyLeadPatch(ctx.data, lead, { strings: {}, flags: {}, inquiry });
		lead.updateTime = ctx.data.now();
		return { body: { leadId: lead.leadId, inquiryId: lead.inquiry?.id ?? null } };
	});

	/** 5.5.16 POST /v1.0/leads/{leadId}/property (LeadPropertyReq) -> `{"leadId": id, "propertyId": n}`; appends to leadPropertyList. */
	router.post('/v1.0/leads/{leadId}/property', (ctx) => {
		const lead = requireLead(ctx);
		const property = readProperty(bodyObject(ctx.body, 'property'));
		const id = ctx.data.nextPropertyId();
		lead.properties.push({ id, leadUserId: lead.leadUserId, ...property });
		lead.updateTime = ctx.data.now();
		return { body: { leadId: lead.leadId, propertyId: id } };
	});

	/**
	 * 5.5.17 POST /v1.0/leads/{leadId}/transaction (LeadTransaction; transactionName required,
	 * transactionType Purchase|Listing, default Purchase; transactionStatus default 'Active')
	 * -> `{"transactionId": n}`.
	 */
	router.post('/v1.0/leads/{leadId}/transaction', (ctx) => {
		const lead = requireLead(ctx);
		const patch = readTransaction(ctx, bodyObject(ctx.body, 'leadTransaction'));
		if (!patch.fields.transactionName) throw badRequest('transactionName is required');
		const now = ctx.data.now();
		const tx: TransactionRecord = {
			transactionId: ctx.data.nextTransactionId(),
			leadId: lead.leadId,
			fields: { transactionType: 'Purchase', transactionStatus: 'Active', ...patch.fields },
			customFields: patch.customFields ?? [],
			commissions: patch.commissions ?? null,
			created: patch.created ?? now,
			updated: now,
			propertyAddress: undefined,
		};
		ctx.data.transactions.set(tx.transactionId, tx);
		return { body: { transactionId: tx.transactionId } };
	});

	/**
	 * 5.5.18 POST /v1.0/leads/{leadId}/transaction/property/address
	 * (LeadTransactionPropertyAddress, transactionId required) -> `{"transactionId": n}`; merges.
	 */
	router.post('/v1.0/leads/{leadId}/transaction/property/address', (ctx) => {
		const lead = requireLead(ctx);
		const body = bodyObject(ctx.body, 'address');
		const transactionId = optInt(body, 'transactionId');
		if (transactionId === undefined) throw badRequest('transactionId is required');
		const tx = requireTransaction(ctx, lead, transactionId);
		const address: JsonObject = { ...tx.propertyAddress };
		for (const key of ADDRESS_FIELDS) {
			const v = optStr(body, key);
			if (v !== undefined) address[key] = v;
		}
		tx.propertyAddress = address;
		tx.updated = ctx.data.now();
		return { body: { transactionId } };
	});

	/** 5.5.19 GET /v1.0/leads/{leadId}/transaction/{transactionId} -> LeadTransaction. */
	router.get('/v1.0/leads/{leadId}/transaction/{transactionId}', (ctx) => {
		const lead = requireLead(ctx);
		const tx = requireTransaction(ctx, lead, pathId(ctx, 'transactionId'));
		return { body: renderTransaction(ctx, tx) };
	});

	/**
	 * 5.5.20 PUT /v1.0/leads/{leadId}/transaction/{transactionId} (LeadTransaction) ->
	 * `{"transactionId": n}`. Merges fields; customFields and commissions replace.
	 */
	router.put('/v1.0/leads/{leadId}/transaction/{transactionId}', (ctx) => {
		const lead = requireLead(ctx);
		const tx = requireTransaction(ctx, lead, pathId(ctx, 'transactionId'));
		const patch = readTransaction(ctx, bodyObject(ctx.body, 'leadTransaction'));
		Object.assign(tx.fields, patch.fields);
		if (patch.customFields) tx.customFields = patch.customFields;
		if (patch.commissions) tx.commissions = patch.commissions;
		tx.updated = ctx.data.now();
		return { body: { transactionId: tx.transactionId } };
	});

	/**
	 * 5.5.21 GET /v1.0/leads/{leadId}/transaction/{transactionId}/property/address ->
	 * LeadTransactionPropertyAddress (all fields null until set; transactionId always present).
	 */
	router.get('/v1.0/leads/{leadId}/transaction/{transactionId}/property/address', (ctx) => {
		const lead = requireLead(ctx);
		const tx = requireTransaction(ctx, lead, pathId(ctx, 'transactionId'));
		return { body: renderAddress(tx) };
	});

	/** 5.5.22 GET /v1.0/leads/{leadId}/transactions -> LeadTransaction[] (ascending transactionId). */
	router.get('/v1.0/leads/{leadId}/transactions', (ctx) => {
		const lead = requireLead(ctx);
		const list = ctx.data.transactionsOf(lead.leadId).sort((a, b) => a.transactionId - b.transactionId);
		return { body: list.map((tx) => renderTransaction(ctx, tx)) };
	});

	/** 5.5.23 GET /v1.0/transaction/customfields -> CustomFieldResponse[] `{id, name, params, type}`. */
	router.get('/v1.0/transaction/customfields', ({ data }) => ({
		body: data.transactionCustomFields.map((f) => ({ id: f.id, name: f.name, params: f.params, type: f.type })),
	}));

	/**
	 * 5.5.1 PUT /v1.0/brokermint/lead (Contacts) -> `{"leadId": id}`. Finds the live lead by
	 * externalId (remembered from an earlier call) or else by email; 404 when none. Updates
	 * names, adds the email/phone, address -> streetAddress, zip -> zipCode,
	 * leadSource -> source, bmPrivate -> privateFlag.
	 */
	router.put('/v1.0/brokermint/lead', (ctx) => {
		const body = bodyObject(ctx.body, 'contacts');
		const externalId = optStr(body, 'externalId');
		const email = optStr(body, 'email');
		if (!externalId && !email) throw badRequest('email or externalId is required');
		if (email) checkEmail(email, 'email');
		const phone = optStr(body, 'phone');
		if (phone) checkPhone(phone, 'phone');
		const live = ctx.data.liveLeads();
		const lead =
			(externalId ? live.find((l) => l.brokermintExternalId === externalId) : undefined) ??
			(email ? live.find((l) => l.emails.some((e) => e.toLowerCase() === email.toLowerCase())) : undefined);
		if (!lead) throw leadNotFound();
		const map: Array<[string, keyof LeadRecord['profile']]> = [
			['firstName', 'firstName'],
			['lastName', 'lastName'],
			['address', 'streetAddress'],
			['city', 'city'],
			['state', 'state'],
			['zip', 'zipCode'],
			['leadSource', 'source'],
		];
		for (const [from, to] of map) {
			const v = optStr(body, from);
			if (v !== undefined) lead.profile[to] = v;
		}
		if (email && !lead.emails.some((e) => e.toLowerCase() === email.toLowerCase())) lead.emails.push(email);
		if (phone && !lead.phones.includes(phone)) lead.phones.push(phone);
		const bmPrivate = optBool(body, 'bmPrivate');
		if (bmPrivate !== undefined) lead.privateFlag = bmPrivate;
		optStr(body, 'contactType');
		if (externalId) lead.brokermintExternalId = externalId;
		lead.updateTime = ctx.data.now();
		return { body: { leadId: lead.leadId } };
	});

	/**
	 * 5.5.2 PUT /v1.0/brokermint/transaction (IncomingTransaction, `id` = the Lofty
	 * transactionId, required) -> `{"transactionId": id}`. price -> homePrice,
	 * status -> transactionStatus, closingDate -> expectedCloseDate, closedAt -> closeDate,
	 * acceptanceDate -> contractDate, expirationDate -> expiration (epoch ms or date strings),
	 * address/city/state/zip -> the property address.
	 */
	router.put('/v1.0/brokermint/transaction', (ctx) => {
		const body = bodyObject(ctx.body, 'incomingTransaction');
		const id = optInt(body, 'id');
		if (id === undefined) throw badRequest('id is required');
		const tx = ctx.data.transactions.get(id);
		if (!tx || !ctx.data.lead(tx.leadId)) throw notFound('Transaction not found');
		const price = optNum(body, 'price');
		if (price !== undefined) tx.fields.homePrice = price;
		const status = optStr(body, 'status');
		if (status !== undefined) tx.fields.transactionStatus = status;
		const type = optStr(body, 'transactionType');
		if (type !== undefined) tx.fields.transactionType = type;
		const dates: Array<[string, string]> = [
			['closingDate', 'expectedCloseDate'],
			['closedAt', 'closeDate'],
			['acceptanceDate', 'contractDate'],
			['expirationDate', 'expiration'],
		];
		for (const [from, to] of dates) {
			const v = optDateMs(body, from);
			if (v !== undefined) tx.fields[to] = v;
		}
		const agentId = optInt(body, 'agentId');
		if (agentId !== undefined && !ctx.data.member(agentId)) throw badRequest(`agentId not found: ${agentId}`);
		optStr(body, 'agentName');
		optStr(body, 'representing');
		const address: JsonObject = { ...tx.propertyAddress };
		for (const [from, to] of [['address', 'streetAddress'], ['city', 'city'], ['state', 'state'], ['zip', 'zipCode']]) {
			const v = optStr(body, from);
			if (v !== undefined) address[to] = v;
		}
		tx.propertyAddress = address;
		tx.updated = ctx.data.now();
		return { body: { transactionId: tx.transactionId } };
	});
}
