import { additionalBodyField } from '../../../shared/descriptions';
import { accountOption } from '../../../shared/fields';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { requestWith } from '../../../shared/routing';
import {
	ROUTING_TYPE,
	buildDefaultRuleBody,
	routingUpdateResult,
} from '../../LoftyLeadRoutingFunctions';
import { roleIdField, routingTypeField } from '../routingType';
import { RESOURCE, RULE_JSON, ruleJson, strategyTypeField } from './shared';

export const updateDefault: OperationDescription = {
	option: {
		name: 'Update Default',
		value: 'updateDefault',
		action: 'Update the default routing rule',
		description: 'Change how leads no other rule matches are routed',
		routing: requestWith({ method: 'PUT', url: '/v1.0/routing/rule/supplement/{routingType}' }, routingUpdateResult('defaultRule'), [
			buildDefaultRuleBody,
			// The ids go in untrimmed: blank ones are dropped first, the rest become numbers (the walker).
			compactBody,
			ruleJson,
		], [
			{ at: 'updateFields.assigneeAgentId', label: 'Default Assignee Name or ID', check: 'id', optional: true },
			{ at: 'updateFields.assigneeGroupId', label: 'Default Assignee Group ID', check: 'id', optional: true },
			{ at: 'body.assigneeAgentId', label: 'Default Assignee Name or ID', check: 'integer' },
			{ at: 'body.assigneeGroupId', label: 'Default Assignee Group ID', check: 'integer' },
			{ at: 'roleId', label: 'Role Name or ID', check: 'id', optional: true },
			{ at: 'body.roleId', label: 'Role Name or ID', check: 'integer' },
		]),
	},
	description: forOperation(RESOURCE, 'updateDefault', [
		routingTypeField,
		// The reference requires roleId when type == 4.
		roleIdField('Assignment role whose assistant-lead default rule to change.', { required: true, send: 'body' }),
		strategyTypeField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Default Assignee Group ID',
					name: 'assigneeGroupId',
					type: 'string',
					default: '',
					placeholder: '1234567',
					description: 'Office or group that gets the leads; only the Default Assignee strategy of agent leads uses it',
					displayOptions: { show: { '/routingType': [ROUTING_TYPE.agentLead] } },
					routing: { send: { type: 'body', property: 'assigneeGroupId' } },
				},
				accountOption({
					displayName: 'Default Assignee Name or ID',
					name: 'assigneeAgentId',
					loadOptionsMethod: 'getRoutingMembers',
					dependsOn: ['/routingType', '/roleId'],
					description: 'Member who gets the leads; only the Default Assignee strategy uses it.',
					routing: { send: { type: 'body', property: 'assigneeAgentId' } },
				}),
				{
					displayName: 'Touch Minutes',
					name: 'touchMinutes',
					type: 'number',
					typeOptions: { minValue: 1, numberPrecision: 0 },
					default: 10,
					description: 'Minutes a member has to claim the lead before it moves on; only Next Up and Blast Alert use it',
					routing: { send: { type: 'body', property: 'touchMinutes' } },
				},
			],
		},
		additionalBodyField('SupplementRoutingRuleRequest', undefined, RULE_JSON),
	]),
};
