import type { INodeType } from 'n8n-workflow';

import { LoftyLead } from '../../nodes/LoftyLead/LoftyLead.node';

/** Every node of the package, from source. */
export function allNodeTypes(): INodeType[] {
	return [new LoftyLead()];
}
