import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { appointmentDescription } from './resources/appointment';
import { taskDescription } from './resources/task';

export class LoftyTask implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Task',
		name: 'loftyTask',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: 'Add, get, edit and delete the tasks of leads in Lofty, and list their appointments',
		defaults: { name: 'Lofty Task' },
		usableAsTool: true,
		properties: withEnumChecks([
			authenticationProperty,
			resourceProperty([
				{ name: 'Appointment', value: 'appointment' },
				{ name: 'Task', value: 'task' },
			], 'task'),
			...taskDescription,
			...appointmentDescription,
			loftyRequestOptions,
		]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
