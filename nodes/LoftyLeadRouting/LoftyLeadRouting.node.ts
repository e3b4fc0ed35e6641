import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { declaredOnce } from '../shared/operations';
import { memberDescription } from './resources/member';
import { roleDescription } from './resources/role';
import { ruleDescription } from './resources/rule';

// A field its resources declare alike (Return All, Limit) is one property.
const properties: INodeProperties[] = withEnumChecks(declaredOnce([
	authenticationProperty,
	resourceProperty(
		[
			{ name: 'Member', value: 'member' },
			{ name: 'Role', value: 'role' },
			{ name: 'Rule', value: 'rule' },
		],
		'rule',
	),
	...ruleDescription,
	...memberDescription,
	...roleDescription,
	loftyRequestOptions,
]));

export class LoftyLeadRouting implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Lead Routing',
		name: 'loftyLeadRouting',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Read and change lead routing rules in Lofty, and the members and roles they assign leads to',
		defaults: { name: 'Lofty Lead Routing' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
