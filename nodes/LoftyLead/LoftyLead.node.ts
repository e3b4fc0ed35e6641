import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { declaredOnce } from '../shared/operations';
import { activityDescription } from './resources/activity';
import { brokermintDescription } from './resources/brokermint';
import { leadDescription } from './resources/lead';
import { transactionDescription } from './resources/transaction';

// A field the four resources declare alike (Return All, Limit) is one property too.
const properties: INodeProperties[] = withEnumChecks(declaredOnce([
	authenticationProperty,
	resourceProperty([
		{ name: 'Activity', value: 'activity' },
		{ name: 'Brokermint', value: 'brokermint' },
		{ name: 'Lead', value: 'lead' },
		{ name: 'Transaction', value: 'transaction' },
	], 'lead'),
	...leadDescription,
	...activityDescription,
	...transactionDescription,
	...brokermintDescription,
	loftyRequestOptions,
]));

export class LoftyLead implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Lead',
		name: 'loftyLead',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Create, find and update leads, their activities and transactions in Lofty',
		defaults: { name: 'Lofty Lead' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
