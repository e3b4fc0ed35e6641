import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
} from 'n8n-workflow';

import { loftyLoadOptions } from '../shared/loadOptions';
import { loftyApiCall } from '../shared/transport';

/** One entry of OrganizationInfo.enterpriseInfo: the user's own group or a visible sub-organization. */
function officeOption(group: IDataObject): INodePropertyOptions | undefined {
	if (group.groupId === undefined || group.groupId === null) return undefined;
	const id = String(group.groupId);
	return { name: typeof group.groupName === 'string' && group.groupName !== '' ? group.groupName : id, value: id };
}

export const organizationLoadOptions = {
	...loftyLoadOptions,

	/**
	 * Offices (groups) of an Enterprise organization, read from GET /v1.0/org; other
	 * packages have none, so the list is empty and an ID can still be given as an expression.
	 */
	async getOffices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = (await loftyApiCall(this, 'GET', '/v1.0/org')) as IDataObject | null;
		const organization = (body && typeof body.data === 'object' && body.data !== null ? body.data : body) as IDataObject | null;
		const enterprise = organization?.enterpriseInfo as IDataObject | null | undefined;
		if (!enterprise || typeof enterprise !== 'object') return [];
		const groups = [enterprise, ...(Array.isArray(enterprise.visibleOrgInfoList) ? enterprise.visibleOrgInfoList : [])];
		const seen = new Set<string>();
		const options: INodePropertyOptions[] = [];
		for (const group of groups as IDataObject[]) {
			const option = officeOption(group);
			if (!option || seen.has(String(option.value))) continue;
			seen.add(String(option.value));
			options.push(option);
		}
		return options.sort((a, b) => a.name.localeCompare(b.name));
	},
};

export const organizationMethods = {
	loadOptions: organizationLoadOptions,
};
