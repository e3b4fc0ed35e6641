import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { memberDescription } from './resources/member';
import { roleDescription } from './resources/role';
import { ruleDescription } from './resources/rule';

export class LoftyLeadRouting implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Lead Routing',
		name: 'loftyLeadRouting',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: 'Read and change lead routing rules in Lofty, and the members and roles they assign leads to',
		defaults: { name: 'Lofty Lead Routing' },
		usableAsTool: true,
		properties: withEnumChecks([
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
		]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
