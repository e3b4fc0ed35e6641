import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { customFieldDescription } from './resources/customField';
import { leadPondDescription } from './resources/leadPond';
import { tagDescription } from './resources/tag';

export class LoftyTeam implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Team',
		name: 'loftyTeam',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: "Read the team's lead ponds and tags, and list or add lead custom fields in Lofty",
		defaults: { name: 'Lofty Team' },
		usableAsTool: true,
		properties: withEnumChecks([
			authenticationProperty,
			resourceProperty(
				[
					{ name: 'Custom Field', value: 'customField' },
					{ name: 'Lead Pond', value: 'leadPond' },
					{ name: 'Tag', value: 'tag' },
				],
				'leadPond',
			),
			...leadPondDescription,
			...customFieldDescription,
			...tagDescription,
			loftyRequestOptions,
		]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
