import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { accountDescription } from './resources/account';

const properties: INodeProperties[] = withEnumChecks([
	authenticationProperty,
	resourceProperty([{ name: 'Account', value: 'account' }], 'account'),
	...accountDescription,
	loftyRequestOptions,
]);

export class LoftyAccount implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Account',
		name: 'loftyAccount',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Create and update the user accounts of agents in your Lofty team',
		defaults: { name: 'Lofty Account' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
