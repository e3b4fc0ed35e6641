import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody, integerRules } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdOf } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith, sendList, sendRows } from '../../../shared/routing';
import { inBody } from '../../LoftyLeadFunctions';
import { inquiryValues, locationValues } from './profileFields';
import { LEAD, RESOURCE } from './shared';

export const addInquiry: OperationDescription = {
	option: {
		name: 'Place Inquiry',
		value: 'addInquiry',
		action: 'Place an inquiry on a lead',
		description: "Record what a lead is looking for: buy or sell, price range, locations, property types, beds and baths. Sets the lead's search criteria.",
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/leads/{leadId}/inquiry' },
			sendRequest(),
			[additionalBody(), compactBody],
			integerRules({ 'body.id': 'Inquiry ID', 'body.leadUserId': 'Lead User ID' }),
		),
	},
	description: forOperation(RESOURCE, 'addInquiry', [
		recordIdOf(LEAD),
		{
			displayName: 'Inquiry',
			name: 'inquiryFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			// LeadInquiryReq's scalar fields; its property types and locations follow as fields of their own.
			options: inquiryValues
				.filter((field) => field.type !== 'fixedCollection' && field.name !== 'propertyType')
				.map(inBody),
		},
		{
			displayName: 'Property Types',
			name: 'inquiryPropertyTypes',
			type: 'string',
			default: '',
			placeholder: 'Single Family, Condo',
			description: 'Comma-separated property types',
			routing: sendList('body', 'propertyType'),
		},
		{
			displayName: 'Locations',
			name: 'inquiryLocations',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					displayName: 'Location',
					name: 'location',
					values: locationValues,
				},
			],
			routing: sendRows('body', 'locations', 'location'),
		},
		additionalBodyField('LeadInquiryReq', undefined),
	]),
};
