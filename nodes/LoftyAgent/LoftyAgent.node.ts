import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { agentDescription } from './resources/agent';

const properties: INodeProperties[] = withEnumChecks([
	authenticationProperty,
	resourceProperty([{ name: 'Agent', value: 'agent' }], 'agent'),
	...agentDescription,
	loftyRequestOptions,
]);

export class LoftyAgent implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Agent',
		name: 'loftyAgent',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Add agents with their full profile to your Lofty team',
		defaults: { name: 'Lofty Agent' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
