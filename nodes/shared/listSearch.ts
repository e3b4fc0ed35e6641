import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idSegment } from './input';
import { allMembers, ctxOf, memberName } from './loadOptions';
import type { PagingOptions } from './pagination';
import { extractRecords, loftyApiCallSomeItems } from './pagination';
import { loftyApiCall } from './transport';

/** Lofty's largest lead page. */
const LEAD_PAGE = 100;
/** Pages of leads one name search reads before it hands the rest to "load more". */
const PAGES_PER_SEARCH = 5;
const newestLeads: PagingOptions = { style: 'offset', pageSize: LEAD_PAGE, records: 'leads', unwrap: 'lead' };

/** Every word typed appears in the text, ignoring case: "ann smi" finds "Ann Smith". */
function matches(filter: string | undefined, text: string): boolean {
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const haystack = text.toLowerCase();
	return words.every((word) => haystack.includes(word));
}

const isEmail = (text: string) => text.includes('@');
/** Seven or more digits, with the +, spaces, dots, dashes and brackets phone numbers carry. */
const isPhone = (text: string) => /^\+?[\d\s().-]+$/.test(text) && text.replace(/\D/g, '').length >= 7;

const asStrings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

function leadItem(lead: IDataObject): INodeListSearchItems {
	const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
	const contact = asStrings(lead.emails)[0] ?? asStrings(lead.phones)[0];
	const label = name ? (contact ? `${name} (${contact})` : name) : (contact ?? `Lead ${String(lead.leadId)}`);
	return { name: label, value: String(lead.leadId) };
}

const leadText = (lead: IDataObject) =>
	[lead.firstName, lead.lastName, ...asStrings(lead.emails), ...asStrings(lead.phones)].filter(Boolean).join(' ');

async function leadPage(fn: ILoadOptionsFunctions, qs: IDataObject) {
	const body = await loftyApiCall(ctxOf(fn), 'GET', '/v1.0/leads', { qs: { limit: LEAD_PAGE, ...qs } });
	return { leads: extractRecords(body, 'leads', 'lead') };
}

/** listSearch methods of every Lofty node: the "From list" mode of the record pickers (picker.ts). */
export const loftyListSearch = {
	/**
	 * Leads by name, email or phone. Lofty's lead search matches email and phone exactly and has
	 * no name filter: an address or a phone number is sent as that filter; any other text is
	 * matched against the names (and emails and phones) of the newest leads, a few pages at a
	 * time, the next offset handed back as the pagination token.
	 */
	async searchLeads(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const text = (filter ?? '').trim();
		if (text !== '' && (isEmail(text) || isPhone(text))) {
			const { leads } = await leadPage(this, isEmail(text) ? { email: text } : { phone: text });
			return { results: leads.map(leadItem) };
		}
		let offset = Number(paginationToken ?? 0) || 0;
		const results: INodeListSearchItems[] = [];
		// A page at a time through the shared paginator; a page of nothing but leads already listed ends the search.
		const seen = new Set<string>();
		for (let page = 0; page < PAGES_PER_SEARCH; page++) {
			const run = await loftyApiCallSomeItems(ctxOf(this), { method: 'GET', url: '/v1.0/leads' }, newestLeads, {
				maxPages: 1,
				seen,
				from: { offset },
			});
			results.push(...run.records.filter((lead) => matches(text, leadText(lead))).map(leadItem));
			if (run.end !== 'cap' || run.records.length === 0) return { results };
			offset = Number(run.next?.offset);
			if (results.length >= LEAD_PAGE) break;
		}
		return { results, paginationToken: String(offset) };
	},

	/** Members by name or email; the value is the user id every user field takes (memberUserId). */
	async searchMembers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const members = (await allMembers(this)).filter((member) => member.memberUserId !== undefined && member.memberUserId !== null);
		return {
			results: members
				.map((member) => ({ name: memberName(member), value: String(member.memberUserId) }))
				.filter((item) => matches(filter, item.name))
				.sort((a, b) => a.name.localeCompare(b.name)),
		};
	},

	/** The transactions of the lead chosen in the node's Lead ID, by name. */
	async searchTransactions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const leadId = this.getCurrentNodeParameter('leadId', { extractValue: true });
		if (leadId === undefined || leadId === null || String(leadId).trim() === '') {
			throw new NodeOperationError(this.getNode(), 'Choose the lead first: Lofty lists transactions per lead');
		}
		const body = await loftyApiCall(ctxOf(this), 'GET', `/v1.0/leads/${idSegment(leadId, 'Lead ID')}/transactions`);
		return {
			results: extractRecords(body)
				.map((transaction) => ({
					name: String(transaction.transactionName || `Transaction ${String(transaction.transactionId)}`),
					value: String(transaction.transactionId),
				}))
				.filter((item) => matches(filter, item.name)),
		};
	},
};
