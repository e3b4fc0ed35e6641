import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { preSend } from '../shared/hooks';

/**
 * Checks the optional filters once dates are epoch milliseconds: a Lead ID must be a Lofty
 * id, and the window must not end before it starts (Lofty would answer an error or nothing).
 */
export const checkSystemLogFilters = preSend(async function (requestOptions) {
	const qs = (requestOptions.qs ?? {}) as IDataObject;
	const fail = (message: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex: this.getItemIndex(), description: 'Nothing was sent to Lofty.' });
	const leadId = qs.leadId === undefined || qs.leadId === null ? '' : String(qs.leadId).trim();
	if (leadId !== '') {
		if (!/^[1-9]\d{0,18}$/.test(leadId)) throw fail(`"Lead ID" must be a numeric Lofty ID, got "${leadId}"`);
		qs.leadId = leadId;
	}
	if (typeof qs.startTime === 'number' && typeof qs.endTime === 'number' && qs.endTime < qs.startTime) {
		throw fail(
			`"End Time" (${new Date(qs.endTime).toISOString()}) is before "Start Time" (${new Date(qs.startTime).toISOString()})`,
		);
	}
	return requestOptions;
});
