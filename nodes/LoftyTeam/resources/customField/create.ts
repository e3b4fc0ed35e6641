import { additionalBody, additionalBodyField, openList } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { requestWith, sendTrimmed } from '../../../shared/routing';
import { SELECT_TYPES, createCustomField, selectOptionsToParams } from '../../LoftyTeamFunctions';
import { RESOURCE } from './shared';

/** Body: CustomAttribute; its "value" is only for leads and is not sent. */
export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a custom field',
		description: 'Add a lead custom field to the team',
		routing: requestWith({ method: 'POST', url: '/v1.0/teamFeatures/custom-field' }, createCustomField, [selectOptionsToParams, additionalBody(), compactBody]),
	},
	description: forOperation(RESOURCE, 'create', [
		{
			displayName: 'Name',
			name: 'attributeName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Preferred School District',
			description: 'Name of the custom field; lead create and update set it by this name',
			routing: sendTrimmed('body', 'attributeName'),
		},
		{
			displayName: 'Type',
			name: 'attributeType',
			type: 'options',
			required: true,
			// The reference names select and multi_select (its "multi-select"); any other type Lofty knows can come from an expression.
			// The reference names no values for attributeType: these are the kinds Lofty's app offers.
			options: openList([
				{ name: 'Date', value: 'date' },
				{ name: 'Multi-Select', value: 'multi_select', description: 'Several of a fixed list of options' },
				{ name: 'Number', value: 'number' },
				{ name: 'Select', value: 'select', description: 'One of a fixed list of options' },
				{ name: 'Text', value: 'text' },
			]),
			default: 'text',
			description: 'Kind of value the field holds',
			routing: { send: { type: 'body', property: 'attributeType' } },
		},
		{
			displayName: 'Options',
			name: 'selectOptions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Option',
			required: true,
			default: {},
			description: 'Choices a lead can take in this field, in the order shown',
			displayOptions: { show: { attributeType: SELECT_TYPES } },
			options: [
				{
					displayName: 'Option',
					name: 'option',
					values: [
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'Modern',
						},
					],
				},
			],
		},
		additionalBodyField('CustomAttribute', undefined),
	]),
};
