import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { agentCommunicationDescription } from './resources/agentCommunication';
import { callDescription } from './resources/call';
import { emailDescription } from './resources/email';
import { textDescription } from './resources/text';

export class LoftyCommunication implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Communication',
		name: 'loftyCommunication',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: 'Read the call, email and text history of leads and agents in Lofty',
		defaults: { name: 'Lofty Communication' },
		usableAsTool: true,
		properties: withEnumChecks([
			authenticationProperty,
			resourceProperty(
				[
					{ name: 'Agent Communication', value: 'agentCommunication' },
					{ name: 'Call', value: 'call' },
					{ name: 'Email', value: 'email' },
					{ name: 'Text', value: 'text' },
				],
				'call',
			),
			...agentCommunicationDescription,
			...callDescription,
			...emailDescription,
			...textDescription,
			loftyRequestOptions,
		]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
