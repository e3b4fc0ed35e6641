/**
 * Broker (reference 5.14): teams under the broker account.
 *
 * Chosen where the reference says only `string`:
 * - POST /v1.0/broker/team → the new team id as a bare JSON string ("910001");
 * - DELETE /v1.0/broker/team/{id} → 204 without a body (the reference lists 204).
 * teamName, the admin's email and first name are required (the reference marks nothing
 * required; a team without a name or an admin to sign in with is not one Lofty can set up).
 */
import type { FakeLoftyData } from './data';
import type { Router } from './router';
import { pathId } from './router';
import { badRequest, notFound } from './errors';
import { bodyObject, optInt, optStr } from './validate';

export const BROKER_TEAM_ID_BASE = 910000;
export const TEAM_NOT_FOUND_MESSAGE = 'Team not found';

/** BrokerTeam (6.10) as stored. */
export interface BrokerTeamRecord {
	id: number;
	teamName: string;
	email: string;
	firstName: string;
	lastName: string | null;
	phone: string | null;
	seatLimit: number | null;
	createTime: number;
}

export interface BrokerStore {
	teams: Map<number, BrokerTeamRecord>;
	nextTeamId: number;
}

const BROKER_TEAM_FIELDS = new Set(['email', 'firstName', 'lastName', 'phone', 'seatLimit', 'teamName']);
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const stores = new WeakMap<FakeLoftyData, BrokerStore>();

/** The broker store of one fake server's data (no teams until created or seeded). */
export function brokerOf(data: FakeLoftyData): BrokerStore {
	let store = stores.get(data);
	if (!store) {
		store = { teams: new Map(), nextTeamId: BROKER_TEAM_ID_BASE + 1 };
		stores.set(data, store);
	}
	return store;
}

/** Adds `count` teams "Team <id>" with admin team<id>@example.com; returns them. */
export function seedBrokerTeams(data: FakeLoftyData, count: number): BrokerTeamRecord[] {
	const store = brokerOf(data);
	const added: BrokerTeamRecord[] = [];
	for (let i = 0; i < count; i++) {
		const id = store.nextTeamId++;
		const team: BrokerTeamRecord = {
			id,
			teamName: `Team ${id}`,
			email: `team${id}@example.com`,
			firstName: 'Admin',
			lastName: String(id),
			phone: null,
			seatLimit: 5,
			createTime: data.now(),
		};
		store.teams.set(id, team);
		added.push(team);
	}
	return added;
}

function required(value: string | undefined, field: string): string {
	if (value === undefined || value.trim() === '') throw badRequest(`${field} is required`);
	return value;
}

export function registerBrokerRoutes(router: Router): void {
	/**
	 * 5.14.1 POST /v1.0/broker/team (BrokerTeam) → the new team id. teamName, email and
	 * firstName are required; email must be valid and not already admin of a team;
	 * seatLimit must be at least 1; unknown fields are rejected.
	 */
	router.post('/v1.0/broker/team', (ctx) => {
		const body = bodyObject(ctx.body, 'brokerTeam');
		for (const key of Object.keys(body)) {
			if (!BROKER_TEAM_FIELDS.has(key)) {
				throw badRequest(`JSON parse error: Unrecognized field "${key}" (class BrokerTeam), not marked as ignorable`);
			}
		}
		const store = brokerOf(ctx.data);
		const teamName = required(optStr(body, 'teamName'), 'teamName');
		const email = required(optStr(body, 'email'), 'email');
		if (!EMAIL_RE.test(email)) throw badRequest(`email is not valid: '${email}'`);
		const firstName = required(optStr(body, 'firstName'), 'firstName');
		const seatLimit = optInt(body, 'seatLimit');
		if (seatLimit !== undefined && seatLimit < 1) throw badRequest('seatLimit must be at least 1');
		const taken = [...store.teams.values()].some((team) => team.email.toLowerCase() === email.toLowerCase());
		if (taken || ctx.data.memberByEmail(email)) throw badRequest(`The email ${email} is already in use`);
		const team: BrokerTeamRecord = {
			id: store.nextTeamId++,
			teamName,
			email,
			firstName,
			lastName: optStr(body, 'lastName') ?? null,
			phone: optStr(body, 'phone') ?? null,
			seatLimit: seatLimit ?? null,
			createTime: ctx.data.now(),
		};
		store.teams.set(team.id, team);
		return { body: String(team.id) };
	});

	/** 5.14.2 DELETE /v1.0/broker/team/{id} → 204; an unknown team is a 404. */
	router.delete('/v1.0/broker/team/{id}', (ctx) => {
		const id = pathId(ctx, 'id');
		const store = brokerOf(ctx.data);
		if (!store.teams.delete(id)) throw notFound(TEAM_NOT_FOUND_MESSAGE);
		return { status: 204 };
	});
}
