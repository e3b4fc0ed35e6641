import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { agentFields, agentOperations } from './resources/agent';
import { routedOperations } from '../shared/executor';

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
			agentOperations,
			...agentFields,
			loftyRequestOptions,
		]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
