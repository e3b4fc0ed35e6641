import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordsOf } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';
import { loftyRequest } from '../shared/transport';

/** Seat Limit is optional, but when given it must be a whole number of seats. */
export async function checkSeatLimit(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const value = this.getNodeParameter('additionalFields.seatLimit', null) as unknown;
	if (value === undefined || value === null || value === '') return requestOptions;
	const seats = Number(value);
	if (!Number.isInteger(seats) || seats < 1) {
		throw new NodeOperationError(this.getNode(), `"Seat Limit" must be a whole number of at least 1, got "${String(value)}"`, {
			itemIndex: this.getItemIndex(),
			description: 'Nothing was sent to Lofty.',
		});
	}
	return requestOptions;
}

/**
 * Remove Team: Lofty answers with a bare string or nothing at all, so the output
 * names the team that was removed.
 */
export async function removeTeam(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const ctx = this as unknown as LoftyContext;
	const response = await loftyRequest(ctx, requestData.options as IHttpRequestOptions, this.getItemIndex());
	const teamId = String(this.getNodeParameter('teamId', '')).trim();
	const body = response.body;
	const answer: IDataObject =
		body === undefined || body === null || body === '' ? {} : (recordsOf(body)[0] ?? {});
	return [{ json: { ...answer, teamId, deleted: true } }];
}
