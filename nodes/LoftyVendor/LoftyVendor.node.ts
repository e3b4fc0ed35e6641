import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { vendorDescription } from './resources/vendor';

const properties: INodeProperties[] = withEnumChecks([authenticationProperty, resourceProperty([{ name: 'Vendor', value: 'vendor' }]), ...vendorDescription, loftyRequestOptions]);

export class LoftyVendor implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Vendor',
		name: 'loftyVendor',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Read the vendor details of a Lofty integration and move it from an API key to OAuth',
		defaults: { name: 'Lofty Vendor' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
