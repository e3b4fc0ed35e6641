import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A logged call needs its outcome; emails and texts have none. */
export async function requireCallingOutcome(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('logType', '') !== 'logCall') return requestOptions;
	const outcome = this.getNodeParameter('callingOutcome', '') as unknown;
	if (outcome === undefined || outcome === null || String(outcome).trim() === '') {
		throw new NodeOperationError(this.getNode(), '"Calling Outcome" is required to log a call', {
			itemIndex: this.getItemIndex(),
			description: 'Nothing was sent to Lofty.',
		});
	}
	return requestOptions;
}
