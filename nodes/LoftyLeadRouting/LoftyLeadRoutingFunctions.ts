import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemContext } from '../shared/hooks';
import { itemParameter, preSend, sendHook } from '../shared/hooks';
import { loftyRequest } from '../shared/transport';

/** The {type} of every routing path: AGENT_LEAD(1), LENDER_LEAD(2), ASSISTANT_LEAD(4). */
export const ROUTING_TYPE = { agentLead: 1, lenderLead: 2, assistantLead: 4 } as const;

const NOTHING_SENT = 'Nothing was sent to Lofty.';

function refuse(ctx: ItemContext, message: string, description = NOTHING_SENT): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex: ctx.getItemIndex(), description });
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

/** Lofty ids are 64-bit: they travel as digit strings. */
function isId(value: unknown): boolean {
	const text = String(value).trim();
	return /^\d{1,19}$/.test(text) && !/^0+$/.test(text);
}

function routingTypeOf(ctx: ItemContext): number {
	return Number(itemParameter(ctx, 'routingType', ROUTING_TYPE.agentLead));
}

/**
 * Strategy Type is Lofty's integer code for the assignment method. It is typed in (the
 * reference lists no codes), so an empty or non-numeric value must not reach Lofty.
 */
function strategyCode(ctx: ItemContext, value: unknown): number {
	const text = String(value ?? '').trim();
	if (text === '') refuse(ctx, '"Strategy Type" is required');
	if (!/^-?\d+$/.test(text)) refuse(ctx, `"Strategy Type" must be Lofty's whole-number strategy code, got "${text}"`);
	return Number(text);
}

/** RoutingStrategy (6.69) from the form's Routing Strategy collection. */
function routingStrategyOf(ctx: ItemContext, form: IDataObject): IDataObject {
	const strategy: IDataObject = { strategyType: strategyCode(ctx, form.strategyType) };

	const entries = ((form.memberWeights as IDataObject | undefined)?.member ?? []) as IDataObject[];
	const seen = new Set<string>();
	const memberWeights = entries.map((entry, index) => {
		const memberId = String(entry.memberId ?? '').trim();
		if (!isId(memberId)) {
			refuse(ctx, `"Member Name or ID" of member weight ${index + 1} must be a numeric Lofty ID, got "${memberId}"`);
		}
		if (seen.has(memberId)) refuse(ctx, `Member ${memberId} is in "Member Weights" twice`);
		seen.add(memberId);
		const weight = Number(entry.weight);
		if (!Number.isInteger(weight) || weight < 1) {
			refuse(ctx, `"Weight" of member ${memberId} must be a whole number of at least 1, got "${String(entry.weight)}"`);
		}
		return { memberId, weight };
	});
	if (memberWeights.length) strategy.memberWeights = memberWeights;

	if (!isBlank(form.groupId)) {
		if (!isId(form.groupId)) refuse(ctx, `"Lead Pond Name or ID" must be a numeric Lofty ID, got "${String(form.groupId)}"`);
		strategy.groupId = String(form.groupId).trim();
	}

	// 0 is the form's "not set": Lofty only reads touch minutes for Next Up and Blast Alert.
	const touchMinutes = Number(form.touchMinutes ?? 0);
	if (touchMinutes !== 0) {
		if (!Number.isInteger(touchMinutes) || touchMinutes < 1) {
			refuse(ctx, `"Touch Minutes" must be a whole number of at least 1, got "${String(form.touchMinutes)}"`);
		}
		strategy.touchMinutes = touchMinutes;
	}
	return strategy;
}

/**
 * Update Rule: RoutingRuleRequest holds only active hours, the rule id and the strategy. The
 * strategy with its member weights is built here (plain routing cannot build it), before
 * compactBody, so Additional Body (JSON) still merges over it. The rule's conditions
 * (RoutingRule) go through Additional Body (JSON), as typed.
 */
export const buildRuleBody = preSend(async function (requestOptions) {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };

	const strategy = itemParameter(this, 'routingStrategy.strategy', null) as IDataObject | null;
	if (strategy) body.routingStrategy = routingStrategyOf(this, strategy);

	requestOptions.body = body;
	return requestOptions;
});

/** Update Default: the strategy code goes into the body as a number. */
export const buildDefaultRuleBody = preSend(async function (requestOptions) {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	body.strategyType = strategyCode(this, itemParameter(this, 'strategyType', ''));
	requestOptions.body = body;
	return requestOptions;
});

/**
 * Output of both updates. Lofty answers a bare string ("ok"): say which rule changed,
 * and keep Lofty's answer; an object answer is passed through.
 */
export function routingUpdateResult(target: 'rule' | 'defaultRule') {
	return sendHook(async function (requestData) {
		const options = requestData.options as IHttpRequestOptions;
		const response = await loftyRequest(this, options, this.getItemIndex());
		const sent = (options.body ?? {}) as IDataObject;
		const which: IDataObject = { routingType: routingTypeOf(this) };
		if (target === 'rule') which.ruleId = sent.id === undefined ? null : String(sent.id);
		else if (sent.roleId !== undefined) which.roleId = String(sent.roleId);

		const answer = response.body;
		let result: IDataObject;
		if (typeof answer === 'object' && answer !== null && !Array.isArray(answer)) result = answer as IDataObject;
		else if (answer === undefined || answer === null || answer === '') result = { success: true };
		else result = { result: answer as IDataObject[string] };
		return [{ json: { ...which, ...result } }];
	});
}
