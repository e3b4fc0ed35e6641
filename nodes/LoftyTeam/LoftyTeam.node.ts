import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { declaredOnce } from '../shared/operations';
import { customFieldDescription } from './resources/customField';
import { leadPondDescription } from './resources/leadPond';
import { tagDescription } from './resources/tag';

// A field its resources declare alike (Return All, Limit) is one property.
const properties: INodeProperties[] = withEnumChecks(declaredOnce([
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
]));

export class LoftyTeam implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Team',
		name: 'loftyTeam',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: "Read the team's lead ponds and tags, and list or add lead custom fields in Lofty",
		defaults: { name: 'Lofty Team' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
