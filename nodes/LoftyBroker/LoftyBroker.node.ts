import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { brokerDescription } from './resources/broker';

export class LoftyBroker implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Broker',
		name: 'loftyBroker',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: 'Create and remove teams under a Lofty broker account',
		defaults: { name: 'Lofty Broker' },
		usableAsTool: true,
		properties: withEnumChecks([
			authenticationProperty,
			resourceProperty([{ name: 'Broker', value: 'broker' }]),
			...brokerDescription,
			loftyRequestOptions,
		]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
