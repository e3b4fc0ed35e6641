import type { INodePropertyOptions } from 'n8n-workflow';

import { additionalBodyField } from '../../../shared/descriptions';
import { accountOption } from '../../../shared/fields';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdField } from '../../../shared/operations';
import { requestWith, sendGroup } from '../../../shared/routing';
import { buildRuleBody, routingUpdateResult } from '../../LoftyLeadRoutingFunctions';
import { routingTypeField } from '../routingType';
import { RESOURCE, RULE_JSON, ruleJson, strategyTypeField } from './shared';

/** ActiveHours.activeDays: "between 1 and 7", read as ISO weekdays (Monday 1 … Sunday 7). */
const dayOptions: INodePropertyOptions[] = [
	{ name: 'Monday (1)', value: 1 },
	{ name: 'Tuesday (2)', value: 2 },
	{ name: 'Wednesday (3)', value: 3 },
	{ name: 'Thursday (4)', value: 4 },
	{ name: 'Friday (5)', value: 5 },
	{ name: 'Saturday (6)', value: 6 },
	{ name: 'Sunday (7)', value: 7 },
];

export const update: OperationDescription = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a routing rule',
		description: 'Change the active hours, routing strategy and conditions of a routing rule',
		routing: requestWith({ method: 'PUT', url: '/v1.0/routing/rule/{routingType}' }, routingUpdateResult('rule'), [buildRuleBody, compactBody, ruleJson], [
			{ at: 'ruleId', label: 'Rule ID', check: 'id' },
			{ at: 'body.id', label: 'Rule ID', check: 'integer' },
			{ at: 'body.routingStrategy.groupId', label: 'Lead Pond Name or ID', check: 'integer' },
			{ at: 'body.routingStrategy.memberWeights[].memberId', label: 'Member Name or ID', check: 'integer' },
		]),
	},
	description: forOperation(RESOURCE, 'update', [
		routingTypeField,
		{
			...recordIdField('ruleId', 'Rule ID', 'ID of the rule, as Get Many returns it'),
			routing: { send: { type: 'body', property: 'id' } },
		},
		// Routing Strategy is put in the body by buildRuleBody.
		{
			displayName: 'Active Hours',
			name: 'activeHours',
			type: 'fixedCollection',
			default: {},
			placeholder: 'Set Active Hours',
			description: 'When the rule routes leads; outside them leads go on to the next rule',
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
			routing: sendGroup('body', 'activeHours', 'hours'),
		},
		{
			displayName: 'Routing Strategy',
			name: 'routingStrategy',
			type: 'fixedCollection',
			default: {},
			placeholder: 'Set Routing Strategy',
			description: 'How the rule assigns the leads it matches (built into RoutingStrategy before sending)',
			options: [
				{
					displayName: 'Routing Strategy',
					name: 'strategy',
					values: [
						strategyTypeField,
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
										accountOption({
											displayName: 'Member Name or ID',
											name: 'memberId',
											loadOptionsMethod: 'getRoutingMembers',
											dependsOn: ['/routingType'],
											description: 'Member who can take leads of the chosen routing type.',
										}),
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
						accountOption({
							displayName: 'Lead Pond Name or ID',
							name: 'groupId',
							loadOptionsMethod: 'getLeadPonds',
							description: 'Pond that receives the leads; only the Lead Pond strategy uses it.',
						}),
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
		additionalBodyField('RoutingRuleRequest', undefined, RULE_JSON),
	]),
};
