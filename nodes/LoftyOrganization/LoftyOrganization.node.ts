import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { organizationMethods } from './LoftyOrganizationFunctions';
import { organizationDescription } from './resources/organization';

const properties: INodeProperties[] = withEnumChecks([
	authenticationProperty,
	resourceProperty([{ name: 'Organization', value: 'organization' }]),
	...organizationDescription,
	loftyRequestOptions,
]);

export class LoftyOrganization implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Organization',
		name: 'loftyOrganization',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Read the organization, edit the company and its offices, and list permission profiles in Lofty',
		defaults: { name: 'Lofty Organization' },
		usableAsTool: true,
		properties,
	};

	// The shared dropdowns plus the offices of the organization.
	methods = organizationMethods;
}
