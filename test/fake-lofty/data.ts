/**
 * The in-memory store of the fake Lofty server, its constructed defaults and the
 * deterministic seeding helpers. Times are kept as epoch milliseconds and formatted
 * by the routes. Everything here is public and mutable so tests can arrange state.
 */
import type { JsonObject } from './validate';

/** 2024-01-01T00:00:00Z: the first seeded record of every kind is at this instant. */
export const SEED_BASE_TIME = Date.UTC(2024, 0, 1, 0, 0, 0);
export const MINUTE_MS = 60_000;

export const TEAM_ID = 900001;
export const CURRENT_USER_ID = 700001;
export const LEAD_ID_BASE = 1_000_000; // seeded lead N has id 1000000 + N
export const LEAD_USER_ID_OFFSET = 89_000_000; // leadUserId = leadId + this
export const TRANSACTION_ID_BASE = 2_000_000;
export const CALL_ID_BASE = 3_000_000;
export const EMAIL_ID_BASE = 3_100_000;
export const TEXT_ID_BASE = 3_200_000;
export const SYSTEM_LOG_ID_BASE = 4_000_000;
export const LISTING_ID_BASE = 5_000_000;
export const AGENT_COMMUNICATION_ID_BASE = 6_000_000;
export const INQUIRY_ID_BASE = 7_000_000;
export const PROPERTY_ID_BASE = 7_100_000;
export const NOTE_ID_BASE = 8_000_000;

// ---------------------------------------------------------------- team definitions

export interface MemberRecord {
	id: number;
	firstName: string;
	lastName: string;
	email: string;
	phoneNumber: string;
	groupId: number;
	groupName: string;
	role: number;
	roleName: string;
	isAdmin: boolean;
	timeZoneId: string;
	virtualNumber: string;
	permissionProfileName: string;
	licenseId: string;
}

export interface TagRecord {
	tagId: number;
	tagName: string;
	createTime: number;
	updateTime: number;
	creatorUserId: number;
	visibleType: number;
}

export interface SegmentRecord {
	id: number;
	name: string;
}

export interface StageRecord {
	id: number;
	name: string;
}

export interface SourceRecord {
	id: number;
	name: string;
}

/** Lead custom field (CustomAttribute without a value). */
export interface LeadCustomFieldRecord {
	attributeName: string;
	attributeType: 'text' | 'number' | 'date' | 'select' | 'multi_select';
	params: string;
}

/** Transaction custom field (CustomFieldResponse). */
export interface TransactionCustomFieldRecord {
	id: number;
	name: string;
	type: 'text' | 'number' | 'date' | 'select' | 'multi_select';
	params: string;
}

/** Roles a lead can be assigned to through POST /v1.0/leads/{leadId}/assignment. */
export interface AssignRoleRecord {
	roleId: number;
	role: string;
}

// ---------------------------------------------------------------- per-lead records

/** Plain string fields LeadRequest and EditLeadRequest accept as-is. */
export const LEAD_REQUEST_STRING_FIELDS = [
	'firstName',
	'lastName',
	'birthday',
	'buyHouse',
	'buyingTimeFrame',
	'city',
	'fthb',
	'houseToSell',
	'language',
	'mortgage',
	'preQual',
	'referredBy',
	'sellingTimeFrame',
	'source',
	'state',
	'streetAddress',
	'withBuyerAgent',
	'withListingAgent',
	'zipCode',
] as const;

/** Plain string fields of LeadResponse kept verbatim: the request's and three only Lofty sets. */
export const LEAD_STRING_FIELDS = [...LEAD_REQUEST_STRING_FIELDS, 'facebook', 'twitter', 'opportunity'] as const;
export type LeadStringField = (typeof LEAD_STRING_FIELDS)[number];

export const LEAD_FLAG_FIELDS = ['cannotCall', 'cannotEmail', 'cannotText', 'unsubscription'] as const;
export type LeadFlagField = (typeof LEAD_FLAG_FIELDS)[number];

export interface LeadCustomRole {
	roleId: number;
	role: string;
	assigneeId: number;
}

export interface LeadRecord {
	leadId: number;
	leadUserId: number;
	profile: Partial<Record<LeadStringField, string>>;
	flags: Record<LeadFlagField, boolean>;
	emails: string[];
	phones: string[];
	stage: string;
	tags: string[];
	segments: string[];
	assignedUserId: number | undefined;
	assignTime: number | undefined;
	lenderUserId: number | undefined;
	customRoles: LeadCustomRole[];
	leadType: number | undefined;
	leadTypes: number[];
	contacted: boolean;
	privateFlag: boolean;
	score: number;
	createTime: number;
	updateTime: number;
	lastTouch: number | undefined;
	lastVisit: number | undefined;
	customAttributes: Array<{ attributeName: string; value: string }>;
	familyMembers: JsonObject[];
	/** LeadInquiryRes */
	inquiry: JsonObject | undefined;
	/** LeadPropertyRes list */
	properties: JsonObject[];
	deleted: boolean;
	deleteReason: string | undefined;
	deleteTime: number | undefined;
	/** Set for leads created through POST /v1.0/leads (visibility delay). */
	createdViaApiAt: number | undefined;
	/** Flags sent on create that Lofty acts on (they really send email). */
	createFlags: { welcomeEmail?: boolean; leadAlert?: boolean; leadRouting?: boolean };
	brokermintExternalId: string | undefined;
}

/** LeadActivityRes; per-lead `seq` orders them. */
export interface ActivityRecord {
	leadId: number;
	seq: number;
	created: number;
	type: string;
	text: string | null;
	link: string | null;
	pageName: string | null;
	picture: string | null;
	scheduledDate: string | null;
	listing: JsonObject | null;
}

export interface TransactionRecord {
	transactionId: number;
	leadId: number;
	/** Simple LeadTransaction fields (numbers, strings, date ms). */
	fields: JsonObject;
	customFields: Array<{ id: number; value: string }>;
	commissions: JsonObject | null;
	created: number;
	updated: number;
	/** LeadTransactionPropertyAddress without transactionId. */
	propertyAddress: JsonObject | undefined;
}

export interface NoteRecord {
	id: number;
	leadId: number;
	content: string;
	isPin: boolean;
	creatorId: number;
	createTime: number;
	updateTime: number;
	deleted: boolean;
}

// ---------------------------------------------------------------- communication records

export interface CallRecord {
	id: number;
	leadId: number;
	agentId: number;
	createTime: number;
	direction: 'Outbound' | 'Inbound';
	durationSec: number;
	outcome: string;
	leadPhoneNumber: string;
	userPhoneNumber: string;
	note: string;
}

export interface EmailRecord {
	id: number;
	leadId: number;
	agentId: number;
	time: number;
	direction: 'Outbound' | 'Inbound';
	subject: string;
	emailType: 'Manual' | 'Auto';
	eventType: 'Sent' | 'Opened' | 'Bounced';
}

export interface TextRecord {
	id: number;
	leadId: number;
	agentId: number;
	time: number;
	direction: 'Outbound' | 'Inbound';
	textType: 'Manual' | 'Auto';
	textOutcome: string;
}

export interface SystemLogRecord {
	id: number;
	leadId: number;
	agentId: number;
	createTime: number;
	timelineType: number;
	content: string;
}

export interface ListingRecord {
	id: number;
	listingId: string;
	mlsListingId: string;
	userId: number;
	streetAddress: string;
	city: string;
	state: string;
	zipCode: string;
	price: number;
	bedrooms: number;
	bathrooms: number;
	squareFeet: number;
	propertyType: string;
	listingStatus: string;
	listDate: number;
	buildingName: string | null;
}

export interface AgentCommunicationRecord {
	id: number;
	leadId: number;
	agentId: number;
	time: number;
	eventType: 'Call' | 'Text' | 'Sent Email' | 'Opened Email' | 'Bounced Email';
	communicationType: 'AUTO' | 'MANUAL' | 'LOGGED';
	direction: 'Outbound' | 'Inbound';
	status: string;
	callDuration: string | null;
	callOutcome: string | null;
	fromPond: boolean;
}

export interface ScrollContext {
	id: string;
	collection: string;
	ids: number[];
	position: number;
	createdAt: number;
}

// ---------------------------------------------------------------- deterministic vocabularies

export const SEED_FIRST_NAMES = ['Avery', 'Jordan', 'Taylor', 'Riley', 'Morgan', 'Quinn', 'Parker', 'Rowan', 'Skyler', 'Emerson'];
export const SEED_LAST_NAMES = ['Smith', 'Garcia', 'Nguyen', 'Patel', 'Brown', 'Kim', 'Lopez'];
const ACTIVITY_TYPES = ['Property Viewed', 'Property Search', 'Property Favorited', 'Website Visit'];
const CALL_OUTCOMES = ['Talked', 'VoiceMessage', 'NoAnswer', 'Talked', 'BadNumber'];
const AGENT_COMM_EVENTS: AgentCommunicationRecord['eventType'][] = ['Call', 'Text', 'Sent Email', 'Opened Email', 'Bounced Email'];
const AGENT_COMM_TYPES: AgentCommunicationRecord['communicationType'][] = ['MANUAL', 'AUTO', 'LOGGED'];

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

/** Phone number of seeded lead N: 555 followed by N on 7 digits ("5550000001"). */
export function seededLeadPhone(n: number): string {
	return `555${pad(n, 7)}`;
}

/** Email of seeded lead N. */
export function seededLeadEmail(n: number): string {
	return `lead${n}@example.com`;
}

/** Tags of seeded lead N: odd -> Buyer, even -> Seller, multiple of 3 -> Hot Lead, of 5 -> Investor. */
export function seededLeadTags(n: number): string[] {
	const tags = [n % 2 === 1 ? 'Buyer' : 'Seller'];
	if (n % 3 === 0) tags.push('Hot Lead');
	if (n % 5 === 0) tags.push('Investor');
	return tags;
}

/** Segments of seeded lead N: N % 4 == 1 -> First-Time Buyers, N % 4 == 0 -> Luxury, else none. */
export function seededLeadSegments(n: number): string[] {
	if (n % 4 === 1) return ['First-Time Buyers'];
	if (n % 4 === 0) return ['Luxury'];
	return [];
}

export interface NewLeadInput {
	firstName?: string;
	lastName?: string;
	emails?: string[];
	phones?: string[];
	stage?: string;
	source?: string;
	tags?: string[];
	segments?: string[];
	assignedUserId?: number;
	createTime?: number;
	updateTime?: number;
	contacted?: boolean;
	leadType?: number;
	leadTypes?: number[];
	score?: number;
	profile?: Partial<Record<LeadStringField, string>>;
}

export class FakeLoftyData {
	/** Clock used for record timestamps (createTime of new leads, updateTime on edit...). */
	now: () => number = () => Date.now();

	teamId = TEAM_ID;
	currentUserId = CURRENT_USER_ID;

	members: MemberRecord[] = [
		{
			id: 700001,
			firstName: 'Alex',
			lastName: 'Morgan',
			email: 'alex.morgan@example.com',
			phoneNumber: '5125550101',
			groupId: 800001,
			groupName: 'Austin Office',
			role: 1,
			roleName: 'Admin',
			isAdmin: true,
			timeZoneId: 'America/Chicago',
			virtualNumber: '5125559001',
			permissionProfileName: 'Admin',
			licenseId: 'TX-0700001',
		},
		{
			id: 700002,
			firstName: 'Blake',
			lastName: 'Rivera',
			email: 'blake.rivera@example.com',
			phoneNumber: '5125550102',
			groupId: 800001,
			groupName: 'Austin Office',
			role: 2,
			roleName: 'Agent',
			isAdmin: false,
			timeZoneId: 'America/Chicago',
			virtualNumber: '5125559002',
			permissionProfileName: 'Agent',
			licenseId: 'TX-0700002',
		},
		{
			id: 700003,
			firstName: 'Casey',
			lastName: 'Lee',
			email: 'casey.lee@example.com',
			phoneNumber: '5125550103',
			groupId: 800002,
			groupName: 'Round Rock Office',
			role: 2,
			roleName: 'Agent',
			isAdmin: false,
			timeZoneId: 'America/Denver',
			virtualNumber: '5125559003',
			permissionProfileName: 'Agent',
			licenseId: 'TX-0700003',
		},
	];

	tags: TagRecord[] = ['Hot Lead', 'Buyer', 'Seller', 'Investor', 'Follow Up'].map((tagName, i) => ({
		tagId: 300001 + i,
		tagName,
		createTime: SEED_BASE_TIME,
		updateTime: SEED_BASE_TIME,
		creatorUserId: CURRENT_USER_ID,
		visibleType: 0,
	}));

	segments: SegmentRecord[] = ['First-Time Buyers', 'Luxury', 'Relocation'].map((name, i) => ({ id: 400001 + i, name }));

	stages: StageRecord[] = ['New Lead', 'Contacted', 'Qualified', 'Appointment Set', 'Under Contract', 'Closed'].map(
		(name, i) => ({ id: 500001 + i, name }),
	);

	/** Known lead sources; `leadSource` in LeadResponse is the id (0 for other sources). */
	sources: SourceRecord[] = ['Website', 'Zillow', 'Open House', 'Referral', 'Facebook'].map((name, i) => ({ id: i + 1, name }));

	leadCustomFields: LeadCustomFieldRecord[] = [
		{ attributeName: 'Preferred Contact Time', attributeType: 'text', params: '' },
		{ attributeName: 'Budget', attributeType: 'number', params: '' },
		{ attributeName: 'Move Date', attributeType: 'date', params: '' },
		{ attributeName: 'Home Style', attributeType: 'select', params: '{"option":["Modern","Colonial","Ranch"]}' },
		{ attributeName: 'Amenities', attributeType: 'multi_select', params: '{"option":["Pool","Garage","Garden"]}' },
	];

	transactionCustomFields: TransactionCustomFieldRecord[] = [
		{ id: 600001, name: 'Escrow Company', type: 'text', params: '' },
		{ id: 600002, name: 'Earnest Money', type: 'number', params: '' },
		{ id: 600003, name: 'Financing', type: 'select', params: '{"option":["Cash","Conventional","FHA","VA"]}' },
		{ id: 600004, name: 'Inspection Items', type: 'multi_select', params: '{"option":["Roof","Plumbing","Electrical"]}' },
	];

	assignRoles: AssignRoleRecord[] = [
		{ roleId: 1, role: 'Agent' },
		{ roleId: 2, role: 'Lender' },
		{ roleId: 3, role: 'Assistant' },
	];

	leads = new Map<number, LeadRecord>();
	activities: ActivityRecord[] = [];
	transactions = new Map<number, TransactionRecord>();
	notes: NoteRecord[] = [];
	calls: CallRecord[] = [];
	emails: EmailRecord[] = [];
	texts: TextRecord[] = [];
	systemLogs: SystemLogRecord[] = [];
	listings: ListingRecord[] = [];
	agentCommunications: AgentCommunicationRecord[] = [];
	scrolls = new Map<string, ScrollContext>();

	private seq = {
		lead: LEAD_ID_BASE + 1,
		transaction: TRANSACTION_ID_BASE + 1,
		call: CALL_ID_BASE + 1,
		email: EMAIL_ID_BASE + 1,
		text: TEXT_ID_BASE + 1,
		systemLog: SYSTEM_LOG_ID_BASE + 1,
		listing: LISTING_ID_BASE + 1,
		agentCommunication: AGENT_COMMUNICATION_ID_BASE + 1,
		inquiry: INQUIRY_ID_BASE + 1,
		property: PROPERTY_ID_BASE + 1,
		note: NOTE_ID_BASE + 1,
		tag: 300001 + 5,
		segment: 400001 + 3,
		scroll: 1,
	};

	// ------------------------------------------------------------ id sequences

	nextLeadId(): number {
		return this.seq.lead++;
	}
	nextTransactionId(): number {
		return this.seq.transaction++;
	}
	nextInquiryId(): number {
		return this.seq.inquiry++;
	}
	nextPropertyId(): number {
		return this.seq.property++;
	}
	nextNoteId(): number {
		return this.seq.note++;
	}
	nextScrollId(): string {
		return Buffer.from(`lofty-scroll:${this.seq.scroll++}`).toString('base64url');
	}

	// ------------------------------------------------------------ look-ups

	member(id: number | undefined): MemberRecord | undefined {
		return id === undefined ? undefined : this.members.find((m) => m.id === id);
	}

	memberByEmail(email: string): MemberRecord | undefined {
		const lower = email.toLowerCase();
		return this.members.find((m) => m.email.toLowerCase() === lower);
	}

	currentUser(): MemberRecord {
		const me = this.member(this.currentUserId);
		if (!me) throw new Error(`fake-lofty: current user ${this.currentUserId} is not a member`);
		return me;
	}

	stage(name: string): StageRecord | undefined {
		return this.stages.find((s) => s.name === name);
	}

	/** Tag by name; created (like Lofty does) when `create` is set. */
	tag(name: string, create = false): TagRecord | undefined {
		let tag = this.tags.find((t) => t.tagName === name);
		if (!tag && create) {
			const now = this.now();
			tag = { tagId: this.seq.tag++, tagName: name, createTime: now, updateTime: now, creatorUserId: this.currentUserId, visibleType: 0 };
			this.tags.push(tag);
		}
		return tag;
	}

	/** Segment by name; created when `create` is set. */
	segment(name: string, create = false): SegmentRecord | undefined {
		let seg = this.segments.find((s) => s.name === name);
		if (!seg && create) {
			seg = { id: this.seq.segment++, name };
			this.segments.push(seg);
		}
		return seg;
	}

	/** Live (not trashed) lead, or any lead when `withTrash`. */
	lead(id: number, withTrash = false): LeadRecord | undefined {
		const lead = this.leads.get(id);
		if (!lead || (lead.deleted && !withTrash)) return undefined;
		return lead;
	}

	liveLeads(): LeadRecord[] {
		return [...this.leads.values()].filter((l) => !l.deleted);
	}

	activitiesOf(leadId: number): ActivityRecord[] {
		return this.activities.filter((a) => a.leadId === leadId);
	}

	transactionsOf(leadId: number): TransactionRecord[] {
		return [...this.transactions.values()].filter((t) => t.leadId === leadId);
	}

	// ------------------------------------------------------------ construction

	/** Adds a lead with defaults for everything not given; returns the record. */
	addLead(input: NewLeadInput = {}, leadId = this.nextLeadId()): LeadRecord {
		const now = this.now();
		const createTime = input.createTime ?? now;
		const assignedUserId = input.assignedUserId ?? this.currentUserId;
		const lead: LeadRecord = {
			leadId,
			leadUserId: leadId + LEAD_USER_ID_OFFSET,
			profile: { ...input.profile },
			flags: { cannotCall: false, cannotEmail: false, cannotText: false, unsubscription: false },
			emails: input.emails ?? [],
			phones: input.phones ?? [],
			stage: input.stage ?? this.stages[0].name,
			tags: [],
			segments: [],
			assignedUserId,
			assignTime: createTime,
			lenderUserId: undefined,
			customRoles: [{ roleId: 1, role: 'Agent', assigneeId: assignedUserId }],
			leadType: input.leadType,
			leadTypes: input.leadTypes ?? (input.leadType !== undefined ? [input.leadType] : []),
			contacted: input.contacted ?? false,
			privateFlag: false,
			score: input.score ?? 0,
			createTime,
			updateTime: input.updateTime ?? createTime,
			lastTouch: undefined,
			lastVisit: undefined,
			customAttributes: [],
			familyMembers: [],
			inquiry: undefined,
			properties: [],
			deleted: false,
			deleteReason: undefined,
			deleteTime: undefined,
			createdViaApiAt: undefined,
			createFlags: {},
			brokermintExternalId: undefined,
		};
		if (input.firstName !== undefined) lead.profile.firstName = input.firstName;
		if (input.lastName !== undefined) lead.profile.lastName = input.lastName;
		if (input.source !== undefined) lead.profile.source = input.source;
		this.setLeadTags(lead, input.tags ?? []);
		this.setLeadSegments(lead, input.segments ?? []);
		this.leads.set(leadId, lead);
		return lead;
	}

	setLeadTags(lead: LeadRecord, names: string[]): void {
		const unique = [...new Set(names)];
		for (const name of unique) this.tag(name, true);
		lead.tags = unique;
	}

	setLeadSegments(lead: LeadRecord, names: string[]): void {
		const unique = [...new Set(names)];
		for (const name of unique) this.segment(name, true);
		lead.segments = unique;
	}

	/** Makes `memberId` the lead's Agent (assignedUserId and the Agent custom role). */
	assignAgent(lead: LeadRecord, memberId: number): void {
		lead.assignedUserId = memberId;
		lead.assignTime = this.now();
		lead.customRoles = lead.customRoles.filter((r) => r.roleId !== 1);
		lead.customRoles.unshift({ roleId: 1, role: 'Agent', assigneeId: memberId });
	}

	// ------------------------------------------------------------ seeding (deterministic)

	/**
	 * Seeds n leads. Lead N (id 1000000 + N, ids continue across calls):
	 * firstName SEED_FIRST_NAMES[(N-1) % 10], lastName SEED_LAST_NAMES[(N-1) % 7],
	 * emails [lead<N>@example.com], phones [555 + N on 7 digits],
	 * stage stages[(N-1) % 6], source sources[(N-1) % 5], tags seededLeadTags(N),
	 * segments seededLeadSegments(N), assignedUserId members[(N-1) % 3].id,
	 * contacted N even, leadType/leadTypes 2 (Buyer) for odd N and 1 (Seller) for even N,
	 * score N % 100, city Austin / state TX / zipCode 787NN,
	 * createTime 2024-01-01T00:00:00Z + (N-1) minutes, lastUpdateTime createTime + 30 s.
	 */
	seedLeads(n: number): void {
		for (let i = 0; i < n; i++) {
			const leadId = this.nextLeadId();
			const k = leadId - LEAD_ID_BASE;
			const createTime = SEED_BASE_TIME + (k - 1) * MINUTE_MS;
			const leadType = k % 2 === 1 ? 2 : 1;
			this.addLead(
				{
					firstName: SEED_FIRST_NAMES[(k - 1) % SEED_FIRST_NAMES.length],
					lastName: SEED_LAST_NAMES[(k - 1) % SEED_LAST_NAMES.length],
					emails: [seededLeadEmail(k)],
					phones: [seededLeadPhone(k)],
					stage: this.stages[(k - 1) % this.stages.length].name,
					source: this.sources[(k - 1) % this.sources.length].name,
					tags: seededLeadTags(k),
					segments: seededLeadSegments(k),
					assignedUserId: this.members[(k - 1) % this.members.length].id,
					createTime,
					updateTime: createTime + 30_000,
					contacted: k % 2 === 0,
					leadType,
					leadTypes: [leadType],
					score: k % 100,
					profile: { city: 'Austin', state: 'TX', zipCode: `787${pad(k % 100, 2)}`, language: 'en' },
				},
				leadId,
			);
		}
	}

	/**
	 * Seeds n activities for a lead. Activity k of that lead (k continues across calls):
	 * created = 2024-01-01T00:00:00Z + k minutes, type cycles
	 * ['Property Viewed', 'Property Search', 'Property Favorited', 'Website Visit'],
	 * text `Activity <k>`, link https://example.com/activity/<leadId>/<k>.
	 */
	seedActivities(leadId: number, n: number): void {
		if (!this.leads.has(leadId)) throw new Error(`fake-lofty: seedActivities: lead ${leadId} does not exist (seed leads first)`);
		let k = this.activitiesOf(leadId).reduce((max, a) => Math.max(max, a.seq), 0);
		for (let i = 0; i < n; i++) {
			k += 1;
			const type = ACTIVITY_TYPES[(k - 1) % ACTIVITY_TYPES.length];
			this.activities.push({
				leadId,
				seq: k,
				created: SEED_BASE_TIME + k * MINUTE_MS,
				type,
				text: `Activity ${k}`,
				link: `https://example.com/activity/${leadId}/${k}`,
				pageName: type === 'Website Visit' ? 'Home' : null,
				picture: null,
				scheduledDate: null,
				listing: type === 'Property Viewed' || type === 'Property Favorited' ? { listingId: String(LISTING_ID_BASE + k), price: 300000 + k * 1000 } : null,
			});
		}
	}

	/**
	 * Seeds n call records (served by /communication/call and /call/v2, ids 3000001..),
	 * n email records (/communication/email, ids 3100001..) and n text records
	 * (/communication/text, ids 3200001..). Record k (k-th of its kind, continuing across
	 * calls): leadId 1000001 + (k-1) % 5, agentId members[(k-1) % 3].id,
	 * time 2024-01-01T00:00:00Z + (k-1) minutes, direction Outbound for odd k.
	 */
	seedCallHistory(n: number): void {
		for (let i = 0; i < n; i++) {
			const callId = this.seq.call++;
			const k = callId - CALL_ID_BASE;
			this.calls.push({
				id: callId,
				leadId: LEAD_ID_BASE + 1 + ((k - 1) % 5),
				agentId: this.members[(k - 1) % this.members.length].id,
				createTime: SEED_BASE_TIME + (k - 1) * MINUTE_MS,
				direction: k % 2 === 1 ? 'Outbound' : 'Inbound',
				durationSec: 30 + ((k * 17) % 300),
				outcome: CALL_OUTCOMES[(k - 1) % CALL_OUTCOMES.length],
				leadPhoneNumber: seededLeadPhone(1 + ((k - 1) % 5)),
				userPhoneNumber: this.members[(k - 1) % this.members.length].phoneNumber,
				note: `Call ${k}`,
			});
			const emailId = this.seq.email++;
			const ke = emailId - EMAIL_ID_BASE;
			this.emails.push({
				id: emailId,
				leadId: LEAD_ID_BASE + 1 + ((ke - 1) % 5),
				agentId: this.members[(ke - 1) % this.members.length].id,
				time: SEED_BASE_TIME + (ke - 1) * MINUTE_MS,
				direction: ke % 2 === 1 ? 'Outbound' : 'Inbound',
				subject: `Email ${ke}`,
				emailType: ke % 3 === 0 ? 'Auto' : 'Manual',
				eventType: (['Sent', 'Opened', 'Bounced'] as const)[(ke - 1) % 3],
			});
			const textId = this.seq.text++;
			const kt = textId - TEXT_ID_BASE;
			this.texts.push({
				id: textId,
				leadId: LEAD_ID_BASE + 1 + ((kt - 1) % 5),
				agentId: this.members[(kt - 1) % this.members.length].id,
				time: SEED_BASE_TIME + (kt - 1) * MINUTE_MS,
				direction: kt % 2 === 1 ? 'Outbound' : 'Inbound',
				textType: kt % 3 === 0 ? 'Auto' : 'Manual',
				textOutcome: kt % 4 === 0 ? 'Failed' : 'Delivered',
			});
		}
	}

	/**
	 * Seeds n system logs (ids 4000001..). Log k: leadId 1000001 + (k-1) % 5,
	 * createTime = timelineTime = 2024-01-01T00:00:00Z + (k-1) minutes,
	 * agentId members[(k-1) % 3].id, timelineType 1 + (k-1) % 4.
	 */
	seedSystemLogs(n: number): void {
		for (let i = 0; i < n; i++) {
			const id = this.seq.systemLog++;
			const k = id - SYSTEM_LOG_ID_BASE;
			this.systemLogs.push({
				id,
				leadId: LEAD_ID_BASE + 1 + ((k - 1) % 5),
				agentId: this.members[(k - 1) % this.members.length].id,
				createTime: SEED_BASE_TIME + (k - 1) * MINUTE_MS,
				timelineType: 1 + ((k - 1) % 4),
				content: JSON.stringify({ text: `System log ${k}` }),
			});
		}
	}

	/**
	 * Seeds n listings (id 5000001.., listingId the id as a string). Listing k:
	 * mlsListingId MLS<100000+k>, userId members[(k-1) % 3].id, streetAddress `<100+k> Main St`,
	 * Austin TX 78701, price 300000 + 1000 k, bedrooms 1 + k % 5, listDate base + k minutes.
	 */
	seedListings(n: number): void {
		for (let i = 0; i < n; i++) {
			const id = this.seq.listing++;
			const k = id - LISTING_ID_BASE;
			this.listings.push({
				id,
				listingId: String(id),
				mlsListingId: `MLS${100000 + k}`,
				userId: this.members[(k - 1) % this.members.length].id,
				streetAddress: `${100 + k} Main St`,
				city: 'Austin',
				state: 'TX',
				zipCode: '78701',
				price: 300000 + k * 1000,
				bedrooms: 1 + (k % 5),
				bathrooms: 1 + (k % 3) * 0.5,
				squareFeet: 1000 + k * 10,
				propertyType: k % 4 === 0 ? 'Condo' : 'Single Family Home',
				listingStatus: 'Active',
				listDate: SEED_BASE_TIME + k * MINUTE_MS,
				buildingName: k % 4 === 0 ? 'The Towers' : null,
			});
		}
	}

	/**
	 * Seeds n agent communication records (ids 6000001..) with times spread evenly in
	 * [startMs, endMs): record i (0-based in this call) at startMs + floor(i * (endMs - startMs) / n).
	 * agentId is the current user; eventType cycles Call, Text, Sent Email, Opened Email,
	 * Bounced Email; leadId 1000001 + (k-1) % 5 where k is the global record number.
	 */
	seedAgentCommunication(n: number, startMs: number, endMs: number): void {
		if (!(endMs > startMs)) throw new Error('fake-lofty: seedAgentCommunication needs endMs > startMs');
		for (let i = 0; i < n; i++) {
			const id = this.seq.agentCommunication++;
			const k = id - AGENT_COMMUNICATION_ID_BASE;
			const eventType = AGENT_COMM_EVENTS[(k - 1) % AGENT_COMM_EVENTS.length];
			this.agentCommunications.push({
				id,
				leadId: LEAD_ID_BASE + 1 + ((k - 1) % 5),
				agentId: this.currentUserId,
				time: startMs + Math.floor((i * (endMs - startMs)) / n),
				eventType,
				communicationType: AGENT_COMM_TYPES[(k - 1) % AGENT_COMM_TYPES.length],
				direction: k % 2 === 1 ? 'Outbound' : 'Inbound',
				status: eventType === 'Call' ? 'Completed' : eventType === 'Text' ? 'Delivered' : eventType.split(' ')[0],
				callDuration: eventType === 'Call' ? `00:0${k % 10}:30` : null,
				callOutcome: eventType === 'Call' ? CALL_OUTCOMES[(k - 1) % CALL_OUTCOMES.length] : null,
				fromPond: false,
			});
		}
	}
}
