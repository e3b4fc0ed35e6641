import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { memberDescription } from './resources/member';

const properties: INodeProperties[] = withEnumChecks([
	authenticationProperty,
	resourceProperty([{ name: 'Member', value: 'member' }], 'member'),
	...memberDescription,
	loftyRequestOptions,
]);

export class LoftyMember implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Member',
		name: 'loftyMember',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Get the members of your Lofty team and update their profiles',
		defaults: { name: 'Lofty Member' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
