import type { INodeProperties } from 'n8n-workflow';

import type { PagingOptions } from '../../shared/pagination';
import { ROUTING_TYPE } from '../LeadRoutingFunctions';
import { trimmed } from '../../shared/values';

/** Every routing list (members, roles, rules) comes back whole in one response: Limit only cuts it. */
export const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };
export const WHOLE_LIST_HINT = 'Lofty returns the whole list in one response; Limit cuts it';

/**
 * The routing type every member and rule operation works on (the {type} of their paths).
 * The getRoutingMembers dropdown reads it under this name.
 */
export const routingTypeProperty: INodeProperties = {
	displayName: 'Routing Type',
	name: 'routingType',
	type: 'options',
	options: [
		{ name: 'Agent Lead', value: ROUTING_TYPE.agentLead, description: 'AGENT_LEAD (1): leads routed to agents' },
		{
			name: 'Assistant Lead',
			value: ROUTING_TYPE.assistantLead,
			description: 'ASSISTANT_LEAD (4): leads routed to the holders of an assignment role, such as assistants',
		},
		{ name: 'Lender Lead', value: ROUTING_TYPE.lenderLead, description: 'LENDER_LEAD (2): leads routed to lenders' },
	],
	default: 1,
	description: 'Which of Lofty’s lead routings to work on',
	displayOptions: { show: { resource: ['member', 'rule'] } },
};

/**
 * Role ID, shown for assistant leads (Lofty routes those per assignment role), or for every
 * routing type where the endpoint reads it regardless (`everyType`).
 * `required` where the reference requires it when type == 4; sent where the endpoint reads it.
 * Callers may replace the description (keeping the dropdown's "Choose from the list, …" ending).
 */
export function roleIdField(
	resource: string,
	operations: string[],
	options: { required: boolean; send: 'query' | 'body'; everyType?: boolean },
): INodeProperties {
	return {
		displayName: 'Role Name or ID',
		name: 'roleId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRoles' },
		required: options.required,
		default: '',
		description:
			'Assignment role whose assistant-lead routing to use. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: {
			show: {
				resource: [resource],
				operation: operations,
				...(options.everyType ? {} : { routingType: [ROUTING_TYPE.assistantLead] }),
			},
		},
		routing: { send: { type: options.send, property: 'roleId', value: trimmed } },
	};
}
