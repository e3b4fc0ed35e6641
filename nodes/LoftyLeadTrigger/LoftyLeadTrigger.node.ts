import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { formatForLofty } from '../shared/dates';
import { authenticationProperty, loftyCredentials } from '../shared/descriptions';
import { loftyApiCallAllItems } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';
import { DateTime } from 'luxon';
import type { LeadChange, PollPosition } from './PollFunctions';
import { changeTime, newChanges } from './PollFunctions';

const MAIN_OUTPUT = [NodeConnectionTypes.Main];
const SEARCH_URL: Record<LeadChange, string> = {
	newLead: '/v1.0/leads/createTime',
	updatedLead: '/v1.0/leads/updateTime',
};
const SEARCH_PARAMETER: Record<LeadChange, string> = {
	newLead: 'leadCreateTime',
	updatedLead: 'leadUpdateTime',
};

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
		const position = state[key] as PollPosition | undefined;

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
			// First poll: start from now (in whole seconds, as Lofty's times are) and emit nothing.
			state[key] = { since: Math.floor(Date.now() / 1000) * 1000, seenAtSince: [] } satisfies PollPosition;
			return null;
		}

		const since = DateTime.fromMillis(position.since ?? Date.now());
		const leads = await loftyApiCallAllItems(
			ctx,
			{ method: 'GET', url: SEARCH_URL[change], qs: { [SEARCH_PARAMETER[change]]: formatForLofty(since, 'loftyWallTime') } },
			{ style: 'scroll', pageSize: 100, records: 'leads', unwrap: 'lead' },
		);
		const { emit, position: next } = newChanges(leads, change, position);
		state[key] = next;
		if (emit.length === 0) return null;
		return [emit.map((lead) => ({ json: { ...lead, changedAt: new Date(changeTime(lead, change) ?? 0).toISOString() } }))];
	}
}
