import type {
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { formatForLofty } from '../shared/dates';
import { authenticationProperty, loftyCredentials } from '../shared/descriptions';
import type { PageRun, PagingOptions } from '../shared/pagination';
import { loftyApiCallAllItems, pageThrough } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';
import { loftyRequest } from '../shared/transport';
import type { LeadChange, PollPosition } from './PollFunctions';
import {
	PAGES_PER_POLL,
	changeTime,
	loftyClock,
	newChanges,
	remembered,
	searchStart,
	startPosition,
	upgradePosition,
} from './PollFunctions';

const MAIN_OUTPUT = [NodeConnectionTypes.Main];
const SEARCH_URL: Record<LeadChange, string> = {
	newLead: '/v1.0/leads/createTime',
	updatedLead: '/v1.0/leads/updateTime',
};
const SEARCH_PARAMETER: Record<LeadChange, string> = {
	newLead: 'leadCreateTime',
	updatedLead: 'leadUpdateTime',
};
const LEAD_SEARCH: PagingOptions = { style: 'scroll', pageSize: 100, records: 'leads', unwrap: 'lead' };

export class LoftyLeadTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lofty Lead Trigger',
		name: 'loftyLeadTrigger',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "newLead" ? "New lead" : "Updated lead" }}',
		// n8n's node panel files this trigger under the Lofty Lead entry (same name without "Trigger")
		// and shows this description for the whole entry, so it names what both nodes do.
		description:
			'Create, find and update Lofty leads, their activities and transactions, or start a workflow when a lead is created or updated (by polling, no public URL needed)',
		defaults: { name: 'Lofty Lead Trigger' },
		polling: true,
		inputs: [],
		outputs: MAIN_OUTPUT,
		credentials: loftyCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Lead', value: 'newLead', description: 'A lead was created' },
					{ name: 'Updated Lead', value: 'updatedLead', description: 'A lead was changed' },
				],
				default: 'newLead',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const change = this.getNodeParameter('event') as LeadChange;
		const state = this.getWorkflowStaticData('node') as IDataObject;
		const key = `position:${change}`;
		const ctx = this as unknown as LoftyContext;
		const position = upgradePosition(state[key] as PollPosition | undefined);
		const url = SEARCH_URL[change];
		const parameter = SEARCH_PARAMETER[change];

		if (!position) {
			if (this.getMode() === 'manual') {
				// Test run: show the newest lead so the user sees the data shape.
				const [newest] = await loftyApiCallAllItems(
					ctx,
					{ method: 'GET', url: '/v1.0/leads', qs: { sort: change === 'newLead' ? 'CreateTime' : 'LastActivity', desc: true } },
					{ style: 'offset', pageSize: 1, records: 'leads', unwrap: 'lead' },
					1,
				);
				return newest ? [[{ json: newest }]] : null;
			}
			// First poll: watch from Lofty's clock (its Date header), not this machine's, and emit nothing.
			const response = await loftyRequest(ctx, {
				method: 'GET',
				url,
				qs: { [parameter]: formatForLofty(DateTime.now(), 'loftyWallTime'), limit: 1 },
			});
			state[key] = startPosition(loftyClock(response.headers) ?? Math.floor(Date.now() / 1000) * 1000);
			return null;
		}

		const dates: number[] = [];
		let sent = 0;
		const send = async (options: IHttpRequestOptions) => {
			sent++;
			const response = await loftyRequest(ctx, options);
			const date = loftyClock(response.headers);
			if (date !== undefined) dates.push(date);
			return response.body;
		};
		const searchFrom = searchStart(position);
		const base: IHttpRequestOptions = {
			method: 'GET',
			url,
			qs: { [parameter]: formatForLofty(DateTime.fromMillis(searchFrom), 'loftyWallTime') },
		};
		const resume = position.resume;
		let run: PageRun | undefined;
		let failure: unknown;
		try {
			run = await pageThrough(send, base, LEAD_SEARCH, { maxPages: PAGES_PER_POLL, from: resume });
		} catch (error) {
			failure = error;
		}
		if (!run) {
			// Only Lofty refusing the last poll's scroll (it expired) is gone around; anything else fails the poll.
			if (resume?.cursor === undefined || sent !== 1 || !isRefusal(failure)) throw failure;
			// A new search from the same offset; leads already emitted are left out.
			run = await pageThrough(send, base, LEAD_SEARCH, { maxPages: PAGES_PER_POLL, from: { offset: resume.offset } });
		}
		// Lofty's time when this search began: every change up to it has now been read.
		const clock = resume?.clock ?? dates[0] ?? Math.floor(Date.now() / 1000) * 1000;
		const { emit, emitted } = newChanges(run.records, change, position);
		const next: PollPosition = { since: position.since, floor: position.floor };
		if (run.end === 'cap' && run.next) {
			const { cursor, offset } = run.next;
			next.resume = { ...(cursor === undefined ? {} : { cursor }), offset: offset ?? 0, clock };
		}
		// A future-dated lead cannot move the position past Lofty's clock.
		if (run.end === 'complete') next.since = Math.max(position.since ?? clock, clock);
		if ((position.since ?? clock) > clock) {
			// Left ahead of Lofty's clock by a future-dated lead before this version: back to Lofty's time.
			next.since = clock;
			next.floor = Math.min(position.floor ?? clock, clock);
			delete next.resume;
		}
		next.emitted = remembered(emitted, searchStart(next), clock);
		state[key] = next;

		if (run.end === 'repeat' && emit.length === 0) {
			// The search starts over at the next poll; what it found so far was emitted already.
			throw new NodeOperationError(this.getNode(), `Lofty's lead search at GET ${url} repeated itself: ${run.problem}`, {
				description: `The poll stopped after ${run.requests} requests so that it cannot loop forever; no lead was emitted twice.`,
			});
		}
		if (emit.length === 0) return null;
		return [emit.map((lead) => ({ json: { ...lead, changedAt: new Date(changeTime(lead, change) ?? 0).toISOString() } }))];
	}
}

/** Lofty refused the request itself (e.g. an expired scrollId), rather than failing to answer. */
function isRefusal(error: unknown): boolean {
	const code = String((error as { httpCode?: unknown } | null)?.httpCode ?? '');
	return code === '400' || code === '404' || code === '410';
}
