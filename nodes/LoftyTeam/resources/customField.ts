import type { INodeProperties } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	listRouting,
	openList,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import { checkParameters, compactBody } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { SELECT_TYPES, createCustomField, selectOptionsToParams } from '../TeamFunctions';
import { trimmed } from '../../shared/values';

const RESOURCE = 'customField';

/** GET /v1.0/teamFeatures/listCustomField answers with the whole list: Limit only cuts it. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

const createRequired = checkParameters([
	{ parameter: 'attributeName', label: 'Name', check: 'required' },
	{ parameter: 'attributeType', label: 'Type', check: 'required' },
]);

export const customFieldOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a custom field',
			description: 'Add a lead custom field to the team',
			routing: {
				request: { method: 'POST', url: '/v1.0/teamFeatures/custom-field' },
				send: { preSend: [createRequired, selectOptionsToParams, additionalBody(), compactBody] },
				operations: { pagination: createCustomField },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many custom fields',
			description: 'Get the lead custom fields of the team',
			routing: listRouting('GET', '/v1.0/teamFeatures/listCustomField', wholeList),
		},
	],
	'getAll',
);

export const customFieldFields: INodeProperties[] = [
	// Create (body: CustomAttribute; its "value" is only for leads and is not sent)
	{
		displayName: 'Name',
		name: 'attributeName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Preferred School District',
		description: 'Name of the custom field; lead create and update set it by this name',
		displayOptions: showFor(RESOURCE, ['create']),
		routing: { send: { type: 'body', property: 'attributeName', value: trimmed } },
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
		displayOptions: showFor(RESOURCE, ['create']),
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
		displayOptions: showFor(RESOURCE, ['create'], { attributeType: SELECT_TYPES }),
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

	// Get Many
	...returnAllAndLimit(RESOURCE, ['getAll'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: 'Lofty returns the whole list in one response; Limit cuts it' } : property,
	),
	additionalBodyField('CustomAttribute', showFor(RESOURCE, ['create'])),
];
