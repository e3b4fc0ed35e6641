import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { brokerDescription } from './resources/broker';

const properties: INodeProperties[] = withEnumChecks([
	authenticationProperty,
	resourceProperty([{ name: 'Broker', value: 'broker' }]),
	...brokerDescription,
	loftyRequestOptions,
]);

export class LoftyBroker implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Broker',
		name: 'loftyBroker',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Create and remove teams under a Lofty broker account',
		defaults: { name: 'Lofty Broker' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
