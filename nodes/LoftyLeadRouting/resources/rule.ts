import type { INodeProperties } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	idField,
	listRouting,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import { checkParameters, compactBody, sendIntegers } from '../../shared/input';
import {
	ROUTING_TYPE,
	buildDefaultRuleBody,
	buildRuleBody,
	checkRoleId,
	checkRoutingType,
	routingUpdateResult,
} from '../LeadRoutingFunctions';
import { WHOLE_LIST_HINT, roleIdField, wholeList } from './routingType';
import { apiPath, groupValue, trimmed } from '../../shared/values';

const RESOURCE = 'rule';

const roleRequired = checkRoleId(true);
const ruleId = checkParameters([{ parameter: 'ruleId', label: 'Rule ID', check: 'id' }]);
const defaultAssignees = checkParameters([
	{ parameter: 'updateFields.assigneeAgentId', label: 'Default Assignee Name or ID', check: 'id', optional: true },
	{ parameter: 'updateFields.assigneeGroupId', label: 'Default Assignee Group ID', check: 'id', optional: true },
]);
// The raw JSON goes in after compactBody, so an empty value typed there (e.g. "tagNames": []) still reaches Lofty.
const ruleJson = additionalBody('ruleJson');
const ruleIntegers = sendIntegers({
	'body.id': 'Rule ID',
	'body.routingStrategy.groupId': 'Lead Pond Name or ID',
	'body.routingStrategy.memberWeights[].memberId': 'Member Name or ID',
});
const defaultRuleIntegers = sendIntegers({
	'body.assigneeAgentId': 'Default Assignee Name or ID',
	'body.assigneeGroupId': 'Default Assignee Group ID',
	'body.roleId': 'Role Name or ID',
});

export const ruleOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get Default',
			value: 'getDefault',
			action: 'Get the default routing rule',
			description: 'Get the rule that routes leads no other rule matches',
			routing: {
				request: { method: 'GET', url: apiPath('/v1.0/routing/rule/supplement/{routingType}') },
				send: { preSend: [checkRoutingType, roleRequired] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many routing rules',
			description: 'Get the routing rules of a routing type, in the order Lofty applies them',
			routing: {
				...listRouting('GET', apiPath('/v1.0/routing/rule/list/{routingType}'), wholeList),
				send: { preSend: [checkRoutingType, roleRequired] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a routing rule',
			description: 'Change the active hours, routing strategy and conditions of a routing rule',
			routing: {
				request: { method: 'PUT', url: apiPath('/v1.0/routing/rule/{routingType}') },
				send: { preSend: [checkRoutingType, ruleId, buildRuleBody, ruleIntegers, compactBody, ruleJson] },
				operations: { pagination: routingUpdateResult('rule') },
			},
		},
		{
			name: 'Update Default',
			value: 'updateDefault',
			action: 'Update the default routing rule',
			description: 'Change how leads no other rule matches are routed',
			routing: {
				request: { method: 'PUT', url: apiPath('/v1.0/routing/rule/supplement/{routingType}') },
				send: { preSend: [checkRoutingType, roleRequired, defaultAssignees, buildDefaultRuleBody, defaultRuleIntegers, compactBody, ruleJson] },
				operations: { pagination: routingUpdateResult('defaultRule') },
			},
		},
	],
	'getAll',
);

const STRATEGY_CODE_HELP =
	'Lofty’s whole-number code for the assignment method (Round Robin, Next Up, Blast Alert, Lead Pond, Default Assignee, …). The API reference does not list the codes: copy the code of a rule set up that way in Lofty from Get Many or Get Default.';

/** ActiveHours.activeDays: "between 1 and 7", read as ISO weekdays (Monday 1 … Sunday 7). */
const dayOptions = [
	{ name: 'Monday (1)', value: 1 },
	{ name: 'Tuesday (2)', value: 2 },
	{ name: 'Wednesday (3)', value: 3 },
	{ name: 'Thursday (4)', value: 4 },
	{ name: 'Friday (5)', value: 5 },
	{ name: 'Saturday (6)', value: 6 },
	{ name: 'Sunday (7)', value: 7 },
];

export const ruleFields: INodeProperties[] = [
	// Get Default / Get Many / Update Default: the reference requires roleId when type == 4.
	{
		...roleIdField(RESOURCE, ['getAll', 'getDefault'], { required: true, send: 'query' }),
		description:
			'Assignment role whose assistant-lead routing to read. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		...roleIdField(RESOURCE, ['updateDefault'], { required: true, send: 'body' }),
		description:
			'Assignment role whose assistant-lead default rule to change. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},

	// Update
	{
		...idField('ruleId', 'Rule ID', showFor(RESOURCE, ['update']), 'ID of the rule, as Get Many returns it'),
		routing: { send: { type: 'body', property: 'id', value: trimmed } },
	},
	{
		displayName: 'Active Hours',
		name: 'activeHours',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Set Active Hours',
		description: 'When the rule routes leads; outside them leads go on to the next rule',
		displayOptions: showFor(RESOURCE, ['update']),
		options: [
			{
				displayName: 'Active Hours',
				name: 'hours',
				values: [
					{
						displayName: 'Active Days',
						name: 'activeDays',
						type: 'multiOptions',
						options: dayOptions,
						default: [1, 2, 3, 4, 5],
						description: 'Days the rule routes leads; Lofty numbers them 1 to 7, read here as Monday (1) to Sunday (7)',
					},
					{
						displayName: 'Hours Start',
						name: 'hoursStart',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 23, numberPrecision: 0 },
						default: 9,
						description: 'Hour of the day (0 to 23) the rule starts routing',
					},
					{
						displayName: 'Hours End',
						name: 'hoursEnd',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 23, numberPrecision: 0 },
						default: 17,
						description: 'Hour of the day (0 to 23) the rule stops routing',
					},
				],
			},
		],
		routing: { send: { type: 'body', property: 'activeHours', value: groupValue('hours') } },
	},
	{
		displayName: 'Routing Strategy',
		name: 'routingStrategy',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Set Routing Strategy',
		description: 'How the rule assigns the leads it matches (built into RoutingStrategy before sending)',
		displayOptions: showFor(RESOURCE, ['update']),
		options: [
			{
				displayName: 'Routing Strategy',
				name: 'strategy',
				values: [
					{
						displayName: 'Strategy Type',
						name: 'strategyType',
						type: 'string',
						required: true,
						default: '',
						placeholder: '1',
						description: STRATEGY_CODE_HELP,
					},
					{
						displayName: 'Member Weights',
						name: 'memberWeights',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						default: {},
						placeholder: 'Add Member',
						description: 'Members the rule assigns leads to, with their share of leads; every strategy but Lead Pond uses them',
						options: [
							{
								displayName: 'Member',
								name: 'member',
								values: [
									{
										displayName: 'Member Name or ID',
										name: 'memberId',
										type: 'options',
										typeOptions: { loadOptionsMethod: 'getRoutingMembers', loadOptionsDependsOn: ['/routingType'] },
										default: '',
										description:
											'Member who can take leads of the chosen routing type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
									},
									{
										displayName: 'Weight',
										name: 'weight',
										type: 'number',
										typeOptions: { minValue: 1, numberPrecision: 0 },
										default: 1,
										description: 'How many leads the member gets in each cycle, compared with the others',
									},
								],
							},
						],
					},
					{
						displayName: 'Lead Pond Name or ID',
						name: 'groupId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getLeadPonds' },
						default: '',
						description:
							'Pond that receives the leads; only the Lead Pond strategy uses it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Touch Minutes',
						name: 'touchMinutes',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 0 },
						default: 0,
						description:
							'Minutes a member has to claim the lead before it moves on; only Next Up and Blast Alert use it. 0 leaves it out.',
					},
				],
			},
		],
	},
	// Update Default
	{
		displayName: 'Strategy Type',
		name: 'strategyType',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1',
		description: STRATEGY_CODE_HELP,
		displayOptions: showFor(RESOURCE, ['updateDefault']),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['updateDefault']),
		options: [
			{
				displayName: 'Default Assignee Group ID',
				name: 'assigneeGroupId',
				type: 'string',
				default: '',
				placeholder: '1234567',
				description: 'Office or group that gets the leads; only the Default Assignee strategy of agent leads uses it',
				displayOptions: { show: { '/routingType': [ROUTING_TYPE.agentLead] } },
				routing: { send: { type: 'body', property: 'assigneeGroupId', value: trimmed } },
			},
			{
				displayName: 'Default Assignee Name or ID',
				name: 'assigneeAgentId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getRoutingMembers', loadOptionsDependsOn: ['/routingType', '/roleId'] },
				default: '',
				description:
					'Member who gets the leads; only the Default Assignee strategy uses it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: { send: { type: 'body', property: 'assigneeAgentId', value: trimmed } },
			},
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

	additionalBodyField('RoutingRuleRequest', showFor(RESOURCE, ['update']), 'ruleJson'),
	additionalBodyField('SupplementRoutingRuleRequest', showFor(RESOURCE, ['updateDefault']), 'ruleJson'),

	// Get Many
	...returnAllAndLimit(RESOURCE, ['getAll'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: WHOLE_LIST_HINT } : property,
	),
];
