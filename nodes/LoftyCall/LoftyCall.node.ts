import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { callDescription } from './resources/call';

const properties: INodeProperties[] = withEnumChecks([authenticationProperty, resourceProperty([{ name: 'Call', value: 'call' }]), ...callDescription, loftyRequestOptions]);

export class LoftyCall implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Call',
		name: 'loftyCall',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Find calls made with the Lofty dialer',
		defaults: { name: 'Lofty Call' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
