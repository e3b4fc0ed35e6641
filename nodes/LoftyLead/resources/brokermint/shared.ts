import type { INodeProperties } from 'n8n-workflow';

import { inBody } from '../../LoftyLeadFunctions';

export const RESOURCE = 'brokermint';

/** Plain text fields, each sent in the body under its own name. */
export function bodyStrings(fields: Array<[displayName: string, name: string, description?: string]>): INodeProperties[] {
	return fields.map(([displayName, name, description]) => inBody({ displayName, name, type: 'string', default: '', description }));
}
