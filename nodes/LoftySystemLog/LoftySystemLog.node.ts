import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { systemLogDescription } from './resources/systemLog';

const properties: INodeProperties[] = withEnumChecks([
	authenticationProperty,
	resourceProperty([{ name: 'System Log', value: 'systemLog' }], 'systemLog'),
	...systemLogDescription,
	loftyRequestOptions,
]);

export class LoftySystemLog implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty System Log',
		name: 'loftySystemLog',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: "Search the system logs of leads' timelines in Lofty",
		defaults: { name: 'Lofty System Log' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
