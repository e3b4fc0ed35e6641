import { NodeOperationError } from 'n8n-workflow';

import { preSend } from '../shared/hooks';

/** A logged call needs its outcome; emails and texts have none. */
export const requireCallingOutcome = preSend(async function (requestOptions) {
	if (this.getNodeParameter('logType', '') !== 'logCall') return requestOptions;
	const outcome = this.getNodeParameter('callingOutcome', '');
	if (outcome === undefined || outcome === null || String(outcome).trim() === '') {
		throw new NodeOperationError(this.getNode(), '"Calling Outcome" is required to log a call', {
			itemIndex: this.getItemIndex(),
			description: 'Nothing was sent to Lofty.',
		});
	}
	return requestOptions;
});
