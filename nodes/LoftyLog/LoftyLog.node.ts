import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { logDescription } from './resources/log';

const properties: INodeProperties[] = withEnumChecks([authenticationProperty, resourceProperty([{ name: 'Log', value: 'log' }]), ...logDescription, loftyRequestOptions]);

export class LoftyLog implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Log',
		name: 'loftyLog',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Log calls, emails and texts on leads in Lofty',
		defaults: { name: 'Lofty Log' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
