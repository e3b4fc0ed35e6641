import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { agentDescription } from './resources/agent';

export class LoftyAgent implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Agent',
		name: 'loftyAgent',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: 'Add agents with their full profile to your Lofty team',
		defaults: { name: 'Lofty Agent' },
		usableAsTool: true,
		properties: withEnumChecks([
			authenticationProperty,
			resourceProperty([{ name: 'Agent', value: 'agent' }], 'agent'),
			...agentDescription,
			loftyRequestOptions,
		]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
