import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { memberFields, memberOperations } from './resources/member';
import { roleFields, roleOperations } from './resources/role';
import { routingTypeProperty } from './resources/routingType';
import { ruleFields, ruleOperations } from './resources/rule';

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
			ruleOperations,
			memberOperations,
			roleOperations,
			routingTypeProperty,
			...ruleFields,
			...memberFields,
			...roleFields,
			loftyRequestOptions,
		]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
