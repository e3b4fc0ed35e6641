import type { IDataObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { preSend, sendHook } from '../shared/hooks';
import { idSegment } from '../shared/input';
import { parseExactJson } from '../shared/json';
import { asObject } from '../shared/objects';
import { loftyApiCallAllItems } from '../shared/pagination';
import { recordsOf } from '../shared/send';
import { splitCommaList } from '../shared/text';
import { loftyRequest } from '../shared/transport';
import { CREATE_ONLY_KEYS } from './resources/lead/createOnly';


/** The lead id in whatever form Lofty answered: {leadId}, {id}, {data: …} or a bare id. */
export function leadIdOf(body: unknown): string | undefined {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'number' || (typeof body === 'string' && /^\d+$/.test(body.trim()))) return String(body).trim();
	if (typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	for (const key of ['leadId', 'id']) {
		if (record[key] !== undefined && record[key] !== null) return String(record[key]);
	}
	for (const key of ['lead', 'data']) {
		const found = leadIdOf(record[key]);
		if (found) return found;
	}
	return undefined;
}

/** An email as Lofty compares it: without case or surrounding spaces. */
const emailKey = (email: unknown) => String(email ?? '').trim().toLowerCase();
/** A phone by its digits alone: "(512) 555-0100" and "512-555-0100" are one number. */
const phoneKey = (phone: unknown) => String(phone ?? '').replace(/\D/g, '');

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const carries = (values: unknown, wanted: string, key: (value: unknown) => string) =>
	wanted !== '' && listOf(values).some((value) => key(value) === wanted);

/** `current` followed by what `added` holds that `current` lacks, compared by `key`. */
function mergedList(current: unknown, added: unknown[], key: (value: unknown) => string): unknown[] {
	const merged = [...listOf(current)];
	const seen = new Set(merged.map(key));
	for (const value of added) {
		if (seen.has(key(value))) continue;
		seen.add(key(value));
		merged.push(value);
	}
	return merged;
}

/** How many leads one lookup reads: a shared phone answers the whole household. */
const MATCH_PAGE_SIZE = 10;

type MatchedBy = 'email' | 'phone' | 'none';

/**
 * Create or Update: looks the lead up by the first email, then by the first phone (precise
 * search), and updates it only when it is the input's person:
 * - the lead Lofty answers must carry the email or phone it was looked up by (some searches
 *   answer leads that do not), else it is no match;
 * - a lead found by phone that has none of the input's emails is another person (a household
 *   shares a phone): a new lead is created, or the item fails, as the user chose; never a PUT.
 * An update keeps the lead's other emails and phones unless the user chose Replace.
 * The output says which it did (`action`) and how the lead was found (`matchedBy`).
 */
export const createOrUpdateLead = sendHook(async function (requestData) {
	const itemIndex = this.getItemIndex();
	const body = { ...((requestData.options.body as IDataObject) ?? {}) };
	const emails = listOf(body.emails);
	const phones = listOf(body.phones);
	const matchBy = this.getNodeParameter('matchBy', 'emailThenPhone') as string;
	if (emails.length === 0 && phones.length === 0) {
		throw new NodeOperationError(this.getNode(), '"Emails" or "Phones" is required to find the lead', {
			itemIndex,
			description: 'Create or Update matches an existing lead by email or phone. Nothing was sent to Lofty.',
		});
	}
	const inputEmails = new Set(emails.map(emailKey).filter((email) => email !== ''));

	const lookups: Array<{ by: 'email' | 'phone'; value: string }> = [];
	if (matchBy !== 'phone' && emails[0]) lookups.push({ by: 'email', value: String(emails[0]) });
	if (matchBy !== 'email' && phones[0]) lookups.push({ by: 'phone', value: String(phones[0]) });

	let existing: IDataObject | undefined;
	let matchedBy: MatchedBy = 'none';
	for (const { by, value } of lookups) {
		const leads = await loftyApiCallAllItems(
			this,
			{ method: 'GET', url: '/v1.0/leads', qs: { [by]: value, preciseSearchFlag: true } },
			{ style: 'offset', pageSize: MATCH_PAGE_SIZE, records: 'leads', unwrap: 'lead' },
			MATCH_PAGE_SIZE,
			itemIndex,
		);
		const key = by === 'email' ? emailKey : phoneKey;
		const found = leads.filter((lead) => carries(by === 'email' ? lead.emails : lead.phones, key(value), key) && leadIdOf(lead));
		if (found.length === 0) continue;
		if (by === 'email' || inputEmails.size === 0) {
			[existing] = found;
			matchedBy = by;
			break;
		}
		const samePerson = found.find((lead) => listOf(lead.emails).some((email) => inputEmails.has(emailKey(email))));
		if (samePerson) {
			existing = samePerson;
			matchedBy = by;
			break;
		}
		if (this.getNodeParameter('phoneMatchOtherEmail', 'create') === 'fail') {
			throw new NodeOperationError(this.getNode(), `Lead ${leadIdOf(found[0])}, found by phone, has none of the emails given: it is another person`, {
				itemIndex,
				description:
					'A lead that shares the phone but not the email is someone else, such as a member of the same household. No lead was created or changed. Set "Phone Match With Another Email" to "Create a New Lead" to create one.',
			});
		}
	}

	const existingId = existing ? leadIdOf(existing) : undefined;
	const request: IHttpRequestOptions = { ...(requestData.options as IHttpRequestOptions), body };
	if (existing && existingId) {
		for (const key of CREATE_ONLY_KEYS) delete body[key];
		// hideVendorIdBothWays put it in the query too.
		request.qs = { ...(request.qs ?? {}) };
		delete request.qs.hideVendorId;
		// A PUT's emails and phones replace the lead's: send its own with the new ones.
		if (this.getNodeParameter('emailsAndPhonesOnUpdate', 'merge') !== 'replace') {
			if (emails.length > 0) body.emails = mergedList(existing.emails, emails, emailKey) as string[];
			if (phones.length > 0) body.phones = mergedList(existing.phones, phones, phoneKey) as string[];
		}
		request.method = 'PUT';
		request.url = `/v1.0/leads/${idSegment(existingId, "leadId of Lofty's matching lead")}`;
	} else {
		request.method = 'POST';
		request.url = '/v1.0/leads';
	}
	const response = await loftyRequest(this, request, itemIndex);
	const leadId = existingId ?? leadIdOf(response.body);
	return recordsOf(response.body).map((record) => ({
		json: { ...record, leadId: leadId ?? record.leadId ?? null, action: existingId ? 'updated' : 'created', matchedBy },
	}));
});

/** Family member rows, their comma-separated emails and phones as lists. */
export function familyMembersOf(value: unknown): IDataObject[] {
	return ((asObject(value).member ?? []) as IDataObject[]).map((member) => ({
		...member,
		emails: splitCommaList(member.emails || ''),
		phones: splitCommaList(member.phones || ''),
	}));
}

/** The Inquiry collection as Lofty's LeadInquiryReq. */
export function inquiryOf(value: unknown): IDataObject {
	const inquiry: IDataObject = { ...((value as IDataObject | undefined) ?? {}) };
	if (inquiry.propertyType) inquiry.propertyType = splitCommaList(inquiry.propertyType);
	if (inquiry.locations) inquiry.locations = (inquiry.locations as IDataObject).location || [];
	return inquiry;
}

/** The three commission groups, each a list of rows. */
export function commissionsOf(value: unknown): IDataObject {
	const groups = (value as IDataObject | undefined) ?? {};
	return { preSplit: groups.preSplit || [], split: groups.split || [], postSplit: groups.postSplit || [] };
}

/**
 * The reference lists hideVendorId as a second body parameter of POST /v1.0/leads, beside the
 * LeadRequest, which Swagger cannot express: it may be read from the body or the query. It is
 * sent both ways; Lofty ignores the one it does not read.
 */
export const hideVendorIdBothWays = preSend(async function (requestOptions) {
	const body = requestOptions.body as { hideVendorId?: unknown } | undefined;
	// Trimmed here: its integer rule checks the body's value just before sending.
	if (body?.hideVendorId !== undefined) requestOptions.qs = { ...(requestOptions.qs ?? {}), hideVendorId: String(body.hideVendorId).trim() };
	return requestOptions;
});

/** Assign sends the assignee rows themselves as the body: a JSON array. */
export const assigneesBody = preSend(async function (requestOptions) {
	requestOptions.body = this.getNodeParameter('assignees.assignee', []) as Array<{ assiginee: string; role: string }>;
	return requestOptions;
});

/**
 * LeadActivityReq.listing is an untyped object ("Listing details"): the form takes it as
 * JSON, which arrives as text when typed in and as an object from an expression.
 */
export const parseListing = preSend(async function (requestOptions) {
	const body = requestOptions.body as IDataObject | undefined;
	if (!body || typeof body !== 'object') return requestOptions;
	const raw = body.listing;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		delete body.listing;
		return requestOptions;
	}
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			// Exact: an id above 2^53 keeps every digit (JSON.parse would send 9007199254740993 as …992).
			parsed = parseExactJson(raw);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), '"Listing" is not valid JSON', {
				itemIndex: this.getItemIndex(),
				description: `${(error as Error).message}. Nothing was sent to Lofty.`,
			});
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(this.getNode(), '"Listing" must be a JSON object', {
			itemIndex: this.getItemIndex(),
			description: 'Give the listing details as an object, e.g. {"listingId": "123", "price": 500000}. Nothing was sent to Lofty.',
		});
	}
	body.listing = parsed as IDataObject;
	return requestOptions;
});

/**
 * Contacts carries no Lofty lead ID: the lead is found by the Brokermint external ID or,
 * failing that, by email (the reference marks neither as required), so one of them must be given.
 */
export const externalIdOrEmail = preSend(async function (requestOptions) {
	const given = (name: string) => String(this.getNodeParameter(name, '') ?? '').trim() !== '';
	if (!given('externalId') && !given('contactEmail')) {
		throw new NodeOperationError(this.getNode(), 'Give an External ID or an Email to find the lead by', {
			itemIndex: this.getItemIndex(),
			description: 'Nothing was sent to Lofty.',
		});
	}
	return requestOptions;
});

/** A form field sent in the body under its own name. */
export function inBody(property: INodeProperties): INodeProperties {
	return { ...property, routing: { send: { type: 'body', property: property.name } } };
}

/** A search filter sent as the query parameter of its name. */
export function inQuery(property: INodeProperties): INodeProperties {
	return { ...property, routing: { send: { type: 'query', property: property.name } } };
}
