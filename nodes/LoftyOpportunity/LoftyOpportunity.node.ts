import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { opportunityDescription } from './resources/opportunity';

export class LoftyOpportunity implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Opportunity',
		name: 'loftyOpportunity',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: 'Send opportunity notifications about leads to agents in Lofty',
		defaults: { name: 'Lofty Opportunity' },
		usableAsTool: true,
		properties: withEnumChecks([
			authenticationProperty,
			resourceProperty([{ name: 'Opportunity', value: 'opportunity' }]),
			...opportunityDescription,
			loftyRequestOptions,
		]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
