import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { declaredOnce } from '../shared/operations';
import { appointmentDescription } from './resources/appointment';
import { taskDescription } from './resources/task';

// A field its resources declare alike (Return All, Limit) is one property.
const properties: INodeProperties[] = withEnumChecks(declaredOnce([
	authenticationProperty,
	resourceProperty([
		{ name: 'Appointment', value: 'appointment' },
		{ name: 'Task', value: 'task' },
	], 'task'),
	...taskDescription,
	...appointmentDescription,
	loftyRequestOptions,
]));

export class LoftyTask implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Task',
		name: 'loftyTask',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Add, get, edit and delete the tasks of leads in Lofty, and list their appointments',
		defaults: { name: 'Lofty Task' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
