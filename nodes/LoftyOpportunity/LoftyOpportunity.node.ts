import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { opportunityDescription } from './resources/opportunity';

const properties: INodeProperties[] = withEnumChecks([
	authenticationProperty,
	resourceProperty([{ name: 'Opportunity', value: 'opportunity' }]),
	...opportunityDescription,
	loftyRequestOptions,
]);

export class LoftyOpportunity implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Opportunity',
		name: 'loftyOpportunity',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Send opportunity notifications about leads to agents in Lofty',
		defaults: { name: 'Lofty Opportunity' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
