import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { accountOption } from '../../shared/fields';
import type { PagingOptions } from '../../shared/pagination';
import { sendTrimmed } from '../../shared/routing';
import { ROUTING_TYPE } from '../LoftyLeadRoutingFunctions';

/** Every routing list (members, roles, rules) comes back whole in one response: Limit only cuts it. */
export const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };
export const WHOLE_LIST_HINT = 'Lofty returns the whole list in one response; Limit cuts it';

/**
 * The routing type every member and rule operation works on (the {type} of their paths).
 * The getRoutingMembers dropdown reads it under this name.
 */
export const routingTypeField: INodeProperties = {
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
};

/**
 * Role ID, shown for assistant leads (Lofty routes those per assignment role), or for every
 * routing type where the endpoint reads it regardless (`everyType`). `purpose` is the first
 * sentence of its description. `required` where the reference requires it when type == 4.
 * In the body it goes as typed: the operation's integer rule trims it and makes it a number.
 */
const ROLE_ID_ROUTING = {
	query: sendTrimmed('query', 'roleId'),
	body: { send: { type: 'body', property: 'roleId' } },
} satisfies Record<string, INodePropertyRouting>;

export function roleIdField(
	purpose: string,
	options: { required: boolean; send: 'query' | 'body'; everyType?: boolean },
): INodeProperties {
	return {
		...accountOption({
			displayName: 'Role Name or ID',
			name: 'roleId',
			loadOptionsMethod: 'getRoles',
			description: purpose,
			required: options.required,
			// One routing for every operation alike, so that their Role ID is one property (declaredOnce).
			routing: ROLE_ID_ROUTING[options.send],
		}),
		...(options.everyType ? {} : { displayOptions: { show: { routingType: [ROUTING_TYPE.assistantLead] } } }),
	};
}
