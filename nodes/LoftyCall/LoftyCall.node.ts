import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { callDescription } from './resources/call';

export class LoftyCall implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Call',
		name: 'loftyCall',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: 'Find calls made with the Lofty dialer',
		defaults: { name: 'Lofty Call' },
		usableAsTool: true,
		properties: withEnumChecks([authenticationProperty, resourceProperty([{ name: 'Call', value: 'call' }]), ...callDescription, loftyRequestOptions]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
