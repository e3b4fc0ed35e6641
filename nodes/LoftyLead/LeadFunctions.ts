import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idSegment } from '../shared/input';
import { loftyApiCallAllItems, recordsOf } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';
import { loftyRequest } from '../shared/transport';

/** Flags Lofty accepts only when a lead is created; an update must not carry them. */
const CREATE_ONLY_KEYS = ['assignGroupId', 'hideVendorId', 'content', 'isPin', 'leadAlert', 'welcomeEmail', 'leadRouting'];

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

/**
 * Create or Update: looks the lead up by email, then by phone (precise search).
 * Found: PUT the same fields to it. Not found: POST a new lead. Reports which happened.
 */
export async function createOrUpdateLead(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const ctx = this as unknown as LoftyContext;
	const itemIndex = this.getItemIndex();
	const body = { ...((requestData.options.body as IDataObject) ?? {}) };
	const emails = (Array.isArray(body.emails) ? body.emails : []) as string[];
	const phones = (Array.isArray(body.phones) ? body.phones : []) as string[];
	const matchBy = this.getNodeParameter('matchBy', 'emailThenPhone') as string;
	if (emails.length === 0 && phones.length === 0) {
		throw new NodeOperationError(this.getNode(), '"Emails" or "Phones" is required to find the lead', {
			itemIndex,
			description: 'Create or Update matches an existing lead by email or phone. Nothing was sent to Lofty.',
		});
	}

	const lookups: IDataObject[] = [];
	if (matchBy !== 'phone' && emails[0]) lookups.push({ email: emails[0] });
	if (matchBy !== 'email' && phones[0]) lookups.push({ phone: phones[0] });

	let existingId: string | undefined;
	for (const filter of lookups) {
		const [match] = await loftyApiCallAllItems(
			ctx,
			{ method: 'GET', url: '/v1.0/leads', qs: { ...filter, preciseSearchFlag: true } },
			{ style: 'offset', pageSize: 1, records: 'leads', unwrap: 'lead' },
			1,
			itemIndex,
		);
		existingId = leadIdOf(match);
		if (existingId) break;
	}

	const request: IHttpRequestOptions = { ...(requestData.options as IHttpRequestOptions), body };
	if (existingId) {
		for (const key of CREATE_ONLY_KEYS) delete body[key];
		request.method = 'PUT';
		request.url = `/v1.0/leads/${idSegment(existingId, "leadId of Lofty's matching lead")}`;
	} else {
		request.method = 'POST';
		request.url = '/v1.0/leads';
	}
	const response = await loftyRequest(ctx, request, itemIndex);
	const leadId = existingId ?? leadIdOf(response.body);
	return recordsOf(response.body).map((record) => ({
		json: { ...record, leadId: leadId ?? record.leadId ?? null, action: existingId ? 'updated' : 'created' },
	}));
}
