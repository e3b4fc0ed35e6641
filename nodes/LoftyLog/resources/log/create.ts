import type { INodePropertyOptions } from 'n8n-workflow';

import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { LEAD_ID_AS_NUMBER, leadInBody } from '../../../shared/picker';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE, logTypeOptions } from './shared';

/** LogTypeRequest.callingOutcome, as the reference spells the values. */
const callingOutcomeOptions: INodePropertyOptions[] = [
	{ name: 'Bad Number', value: 'BadNumber' },
	{ name: 'DNC Contact', value: 'DNCContact', description: 'The contact asked not to be called' },
	{ name: 'DNC Number', value: 'DNCNumber', description: 'The number is on a Do Not Call list' },
	{ name: 'No Answer', value: 'NoAnswer' },
	{ name: 'Talked', value: 'Talked' },
	{ name: 'Voice Message', value: 'VoiceMessage' },
];

export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a log',
		description: 'Log a call, email or text on the timeline of a lead',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/logType' },
			// Lofty answers with a string; when it is the new id, output it as logTypeId.
			// Never paged: sending the POST again would log the call twice.
			sendRequest({ idKey: 'logTypeId' }),
			[additionalBody('logJson'), compactBody],
			[LEAD_ID_AS_NUMBER],
		),
	},
	description: forOperation(RESOURCE, 'create', [
		leadInBody('ID of the lead the call, email or text was with'),
		{
			displayName: 'Log Type',
			name: 'logType',
			type: 'options',
			required: true,
			options: logTypeOptions,
			default: 'logCall',
			description: 'What to log',
			routing: { send: { type: 'body', property: 'logType' } },
		},
		{
			displayName: 'Calling Outcome',
			name: 'callingOutcome',
			type: 'options',
			required: true,
			options: callingOutcomeOptions,
			default: 'Talked',
			description: 'How the call went',
			displayOptions: { show: { logType: ['logCall'] } },
			routing: { send: { type: 'body', property: 'callingOutcome' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			// LogTypeRequest fields besides leadId, logType and callingOutcome.
			options: [
				{
					displayName: 'Content',
					name: 'content',
					type: 'string',
					typeOptions: { rows: 4 },
					default: '',
					description: 'What was said or written',
					routing: { send: { type: 'body', property: 'content' } },
				},
				{
					displayName: 'Direction',
					name: 'outboundOrInbound',
					type: 'options',
					options: [
						{ name: 'Inbound', value: 'Inbound' },
						{ name: 'Outbound', value: 'Outbound' },
					],
					default: 'Outbound',
					description: 'Whether the agent reached out or the lead did',
					routing: { send: { type: 'body', property: 'outboundOrInbound' } },
				},
				{
					displayName: 'Lead Phone Number',
					name: 'leadPhoneNumber',
					type: 'string',
					default: '',
					placeholder: '5125550100',
					description: 'Phone number of the lead that was called or texted',
					displayOptions: { show: { '/logType': ['logCall', 'logText'] } },
					routing: { send: { type: 'body', property: 'leadPhoneNumber' } },
				},
				{
					displayName: 'Pin',
					name: 'isPin',
					type: 'boolean',
					default: false,
					description: "Whether to pin the log to the top of the lead's timeline",
					routing: { send: { type: 'body', property: 'isPin' } },
				},
			],
		},
		additionalBodyField('LogTypeRequest', undefined, 'logJson'),
	]),
};
