import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { declaredOnce } from '../shared/operations';
import { agentCommunicationDescription } from './resources/agentCommunication';
import { callDescription } from './resources/call';
import { emailDescription } from './resources/email';
import { textDescription } from './resources/text';

// A field its resources declare alike (Return All, Limit) is one property.
const properties: INodeProperties[] = withEnumChecks(declaredOnce([
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
]));

export class LoftyCommunication implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Communication',
		name: 'loftyCommunication',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Read the call, email and text history of leads and agents in Lofty',
		defaults: { name: 'Lofty Communication' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
