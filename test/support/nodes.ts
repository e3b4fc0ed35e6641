import type { INodeType } from 'n8n-workflow';

import { LoftyAccount } from '../../nodes/LoftyAccount/LoftyAccount.node';
import { LoftyAgent } from '../../nodes/LoftyAgent/LoftyAgent.node';
import { LoftyBroker } from '../../nodes/LoftyBroker/LoftyBroker.node';
import { LoftyCall } from '../../nodes/LoftyCall/LoftyCall.node';
import { LoftyCommunication } from '../../nodes/LoftyCommunication/LoftyCommunication.node';
import { LoftyLead } from '../../nodes/LoftyLead/LoftyLead.node';
import { LoftyLeadRouting } from '../../nodes/LoftyLeadRouting/LoftyLeadRouting.node';
import { LoftyListing } from '../../nodes/LoftyListing/LoftyListing.node';
import { LoftyLog } from '../../nodes/LoftyLog/LoftyLog.node';
import { LoftyMember } from '../../nodes/LoftyMember/LoftyMember.node';
import { LoftyNote } from '../../nodes/LoftyNote/LoftyNote.node';
import { LoftyOpportunity } from '../../nodes/LoftyOpportunity/LoftyOpportunity.node';
import { LoftyOrganization } from '../../nodes/LoftyOrganization/LoftyOrganization.node';
import { LoftySystemLog } from '../../nodes/LoftySystemLog/LoftySystemLog.node';
import { LoftyTask } from '../../nodes/LoftyTask/LoftyTask.node';
import { LoftyTeam } from '../../nodes/LoftyTeam/LoftyTeam.node';
import { LoftyVendor } from '../../nodes/LoftyVendor/LoftyVendor.node';
import { LoftyWebhook } from '../../nodes/LoftyWebhook/LoftyWebhook.node';

/** Every action node of the package, from source (the triggers are tested on their own). */
export function allNodeTypes(): INodeType[] {
	return [
		new LoftyAccount(),
		new LoftyAgent(),
		new LoftyBroker(),
		new LoftyCall(),
		new LoftyCommunication(),
		new LoftyLead(),
		new LoftyLeadRouting(),
		new LoftyListing(),
		new LoftyLog(),
		new LoftyMember(),
		new LoftyNote(),
		new LoftyOpportunity(),
		new LoftyOrganization(),
		new LoftySystemLog(),
		new LoftyTask(),
		new LoftyTeam(),
		new LoftyVendor(),
		new LoftyWebhook(),
	];
}
