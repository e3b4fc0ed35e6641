import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody, integerRules } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdOf } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { inBody } from '../../LoftyLeadFunctions';
import { propertyValues } from './profileFields';
import { LEAD, RESOURCE } from './shared';

export const addProperty: OperationDescription = {
	option: {
		name: 'Place Property',
		value: 'addProperty',
		action: 'Place a property on a lead',
		description: 'Attach a property to a lead, such as the home a seller owns or a listing a buyer asked about: address, price, beds, baths and size',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/leads/{leadId}/property' },
			sendRequest(),
			[additionalBody(), compactBody],
			integerRules({ 'body.autoListingId': 'Auto Listing ID', 'body.id': 'Property ID', 'body.leadUserId': 'Lead User ID' }),
		),
	},
	description: forOperation(RESOURCE, 'addProperty', [
		recordIdOf(LEAD),
		{
			displayName: 'Property',
			name: 'propertyFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: propertyValues.map(inBody),
		},
		additionalBodyField('LeadPropertyReq', undefined),
	]),
};
