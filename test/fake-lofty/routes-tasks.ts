/**
 * The reference's Tasks & Appointments group (5.8.1 - 5.8.6). Tasks and appointments share
 * one id sequence (newer Lofty docs: one taskId namespace), kept per data instance here.
 * Response shapes the reference leaves out follow the newer Lofty docs *(chosen)*.
 */
import type { FakeLoftyData, LeadRecord } from './data';
import { MINUTE_MS, SEED_BASE_TIME } from './data';
import type { RouteContext, Router } from './router';
import { pathId } from './router';
import { badRequest, leadNotFound, notFound } from './errors';
import { formatOptionalTime, formatTime } from './time';
import type { JsonObject } from './validate';
import { bodyObject, optBool, optInt, optStr } from './validate';

export const TASK_ID_BASE = 9_000_000;
export const TASK_NOT_FOUND_MESSAGE = 'Task not found';
/** TaskRequest.type (the reference's list is cut off; newer Lofty docs give these four). */
export const TASK_TYPES = ['Call', 'Email', 'Text', 'Other'];
/** TaskRequest.assignedRole: "Agent Or Assistant". */
export const TASK_ROLES = ['Agent', 'Assistant'];
/** Below this a deadline reads as epoch seconds, or as no real date (fake-only check). */
const MIN_EPOCH_MS = 100_000_000_000;

export interface TaskRecord {
	id: number;
	leadId: number;
	content: string;
	type: string;
	assignedRole: string;
	/** Epoch ms. */
	deadline: number;
	creatorId: number;
	createTime: number;
	updateTime: number;
	finished: boolean;
	finishTime: number | undefined;
	deleted: boolean;
}

export interface AppointmentRecord {
	id: number;
	leadId: number;
	descr: string;
	address: string;
	/** Start, epoch ms (Appointment.deadline). */
	start: number;
	/** End, epoch ms (Appointment.endTime). */
	end: number;
	allDay: boolean;
	assignToUid: number | undefined;
	creatorId: number;
	createTime: number;
	updateTime: number;
	finished: boolean;
	finishTime: number | undefined;
	deleted: boolean;
}

export interface TaskStore {
	tasks: Map<number, TaskRecord>;
	appointments: Map<number, AppointmentRecord>;
	/** Next id of a task or an appointment. */
	nextId: number;
}

const stores = new WeakMap<FakeLoftyData, TaskStore>();

/** The task and appointment store of one fake server's data. */
export function tasksOf(data: FakeLoftyData): TaskStore {
	let store = stores.get(data);
	if (!store) {
		store = { tasks: new Map(), appointments: new Map(), nextId: TASK_ID_BASE + 1 };
		stores.set(data, store);
	}
	return store;
}

function requireLiveLead(data: FakeLoftyData, leadId: number, seeder: string): void {
	if (!data.lead(leadId)) throw new Error(`fake-lofty: ${seeder} needs a live lead, ${leadId} is not one`);
}

/**
 * Seeds `count` open tasks on a live lead. Task n (n = id - 9000000): content `Task n`,
 * type TASK_TYPES[(n-1) % 4], role Agent, deadline 2024-01-01T00:00:00Z + n hours,
 * created at 2024-01-01T00:00:00Z + n minutes.
 */
export function seedTasks(data: FakeLoftyData, leadId: number, count: number): TaskRecord[] {
	requireLiveLead(data, leadId, 'seedTasks');
	const store = tasksOf(data);
	const created: TaskRecord[] = [];
	for (let i = 0; i < count; i++) {
		const id = store.nextId++;
		const n = id - TASK_ID_BASE;
		const task: TaskRecord = {
			id,
			leadId,
			content: `Task ${n}`,
			type: TASK_TYPES[(n - 1) % TASK_TYPES.length],
			assignedRole: 'Agent',
			deadline: SEED_BASE_TIME + n * 60 * MINUTE_MS,
			creatorId: data.currentUserId,
			createTime: SEED_BASE_TIME + n * MINUTE_MS,
			updateTime: SEED_BASE_TIME + n * MINUTE_MS,
			finished: false,
			finishTime: undefined,
			deleted: false,
		};
		store.tasks.set(id, task);
		created.push(task);
	}
	return created;
}

/**
 * Seeds `count` appointments on a live lead (appointments have no write route in v1.0).
 * Appointment n (n = id - 9000000): `Showing n` at `<100+n> Main St, Austin, TX`, from
 * 2024-01-01T00:00:00Z + n days for one hour, assigned to the lead's agent.
 */
export function seedAppointments(data: FakeLoftyData, leadId: number, count: number): AppointmentRecord[] {
	requireLiveLead(data, leadId, 'seedAppointments');
	const lead = data.lead(leadId) as LeadRecord;
	const store = tasksOf(data);
	const created: AppointmentRecord[] = [];
	for (let i = 0; i < count; i++) {
		const id = store.nextId++;
		const n = id - TASK_ID_BASE;
		const start = SEED_BASE_TIME + n * 24 * 60 * MINUTE_MS;
		const appointment: AppointmentRecord = {
			id,
			leadId,
			descr: `Showing ${n}`,
			address: `${100 + n} Main St, Austin, TX`,
			start,
			end: start + 60 * MINUTE_MS,
			allDay: false,
			assignToUid: lead.assignedUserId,
			creatorId: data.currentUserId,
			createTime: SEED_BASE_TIME + n * MINUTE_MS,
			updateTime: SEED_BASE_TIME + n * MINUTE_MS,
			finished: false,
			finishTime: undefined,
			deleted: false,
		};
		store.appointments.set(id, appointment);
		created.push(appointment);
	}
	return created;
}

// ---------------------------------------------------------------- rendering

function fullName(first: string | undefined, last: string | undefined): string | null {
	const name = [first, last].filter(Boolean).join(' ');
	return name === '' ? null : name;
}

/** Who a task assigned to a role of the lead is for: the lead's Agent, or its Assistant if it has one. */
function assigneeOf(lead: LeadRecord | undefined, role: string): number | null {
	if (!lead) return null;
	if (role === 'Agent') return lead.assignedUserId ?? null;
	return lead.customRoles.find((r) => r.role === role)?.assigneeId ?? null;
}

/** TaskResponse (6.75); its times are strings, as the reference types them. */
function renderTask(ctx: RouteContext, task: TaskRecord): JsonObject {
	const { data, options } = ctx;
	const lead = data.leads.get(task.leadId);
	const assigneeId = assigneeOf(lead, task.assignedRole);
	const assignee = assigneeId === null ? undefined : data.member(assigneeId);
	return {
		id: task.id,
		leadId: task.leadId,
		creatorId: task.creatorId,
		content: task.content,
		type: task.type,
		deadline: formatTime(task.deadline, options.timeFormat),
		finishTime: formatOptionalTime(task.finishTime, options.timeFormat),
		createTime: formatTime(task.createTime, options.timeFormat),
		lastUpdate: formatTime(task.updateTime, options.timeFormat),
		deleteFlag: task.deleted,
		finishFlag: task.finished,
		overdueFlag: !task.finished && task.deadline < data.now(),
		leadName: lead ? fullName(lead.profile.firstName, lead.profile.lastName) : null,
		leadFirstName: lead?.profile.firstName ?? null,
		leadLastName: lead?.profile.lastName ?? null,
		leadEmail: lead?.emails[0] ?? null,
		leadPhone: lead?.phones[0] ?? null,
		leadUserId: lead?.leadUserId ?? null,
		reminderType: 0,
		assignedRole: task.assignedRole,
		assignedUserId: assigneeId,
		assignedUser: assignee ? fullName(assignee.firstName, assignee.lastName) : null,
		teamId: data.teamId,
		subject: null,
		body: null,
		pipelineId: lead ? (data.stage(lead.stage)?.id ?? null) : null,
		queryId: null,
		queryInfo: null,
	};
}

/** Appointment (6.7): start, end and finish times are epoch ms, create/update times strings. */
function renderAppointment(ctx: RouteContext, appointment: AppointmentRecord): JsonObject {
	const { data, options } = ctx;
	return {
		id: appointment.id,
		leadId: appointment.leadId,
		descr: appointment.descr,
		address: appointment.address,
		deadline: appointment.start,
		endTime: appointment.end,
		allDay: appointment.allDay,
		finishFlag: appointment.finished,
		finishTime: appointment.finishTime ?? null,
		deleteFlag: appointment.deleted,
		overdue: !appointment.finished && appointment.end < data.now(),
		assignToUid: appointment.assignToUid ?? null,
		assignRoleType: 1,
		creatorId: appointment.creatorId,
		createTime: formatTime(appointment.createTime, options.timeFormat),
		lastUpdate: formatTime(appointment.updateTime, options.timeFormat),
	};
}

// ---------------------------------------------------------------- validation

interface TaskPatch {
	leadId?: number;
	content?: string;
	type?: string;
	assignedRole?: string;
	deadline?: number;
	finishFlag?: boolean;
}

/** Reads a TaskRequest; `create` makes leadId, content, deadline, type and assignedRole required. */
function readTask(body: JsonObject, create: boolean): TaskPatch {
	const patch: TaskPatch = {
		leadId: optInt(body, 'leadId'),
		content: optStr(body, 'content'),
		type: optStr(body, 'type'),
		assignedRole: optStr(body, 'assignedRole'),
		deadline: optInt(body, 'deadline'),
		finishFlag: optBool(body, 'finishFlag'),
	};
	if (create) {
		for (const key of ['leadId', 'content', 'deadline', 'type', 'assignedRole'] as const) {
			if (patch[key] === undefined) throw badRequest(`${key} is required`);
		}
	}
	if (patch.content !== undefined && patch.content.trim() === '') throw badRequest('content must not be empty');
	if (patch.type !== undefined && !TASK_TYPES.includes(patch.type)) {
		throw badRequest(`type is not valid: '${patch.type}', expected one of ${TASK_TYPES.join(', ')}`);
	}
	if (patch.assignedRole !== undefined && !TASK_ROLES.includes(patch.assignedRole)) {
		throw badRequest(`assignedRole is not valid: '${patch.assignedRole}', expected Agent or Assistant`);
	}
	if (patch.deadline !== undefined && patch.deadline < MIN_EPOCH_MS) {
		throw badRequest(`deadline is not valid: ${patch.deadline}, expected epoch milliseconds`);
	}
	return patch;
}

function requireTask(ctx: RouteContext): TaskRecord {
	const id = pathId(ctx, 'taskId');
	const task = tasksOf(ctx.data).tasks.get(id);
	if (!task || task.deleted) throw notFound(TASK_NOT_FOUND_MESSAGE);
	return task;
}

/** The lead a list is asked for: leadId is required and must be a live lead. */
function listLead(ctx: RouteContext): number {
	const leadId = ctx.query.int('leadId');
	if (leadId === undefined) throw badRequest('leadId is required');
	if (!ctx.data.lead(leadId)) throw leadNotFound();
	return leadId;
}

// ---------------------------------------------------------------- routes

export function registerTaskRoutes(router: Router): void {
	/**
	 * 5.8.1 GET /v1.0/appts?leadId -> Appointment[] (bare array), by start time. No paging.
	 */
	router.get('/v1.0/appts', (ctx) => {
		const leadId = listLead(ctx);
		const list = [...tasksOf(ctx.data).appointments.values()]
			.filter((a) => a.leadId === leadId && !a.deleted)
			.sort((a, b) => a.start - b.start || a.id - b.id);
		return { body: list.map((a) => renderAppointment(ctx, a)) };
	});

	/**
	 * 5.8.2 POST /v1.0/tasks (TaskRequest) -> `{"taskId": n}` *(chosen; newer Lofty docs)*.
	 * leadId (a live lead), content, deadline (epoch ms), type and assignedRole are required.
	 */
	router.post('/v1.0/tasks', (ctx) => {
		const patch = readTask(bodyObject(ctx.body, 'leadTask'), true);
		if (!ctx.data.lead(patch.leadId as number)) throw leadNotFound();
		const store = tasksOf(ctx.data);
		const now = ctx.data.now();
		const finished = patch.finishFlag ?? false;
		const task: TaskRecord = {
			id: store.nextId++,
			leadId: patch.leadId as number,
			content: patch.content as string,
			type: patch.type as string,
			assignedRole: patch.assignedRole as string,
			deadline: patch.deadline as number,
			creatorId: ctx.data.currentUserId,
			createTime: now,
			updateTime: now,
			finished,
			finishTime: finished ? now : undefined,
			deleted: false,
		};
		store.tasks.set(task.id, task);
		return { body: { taskId: task.id } };
	});

	/**
	 * 5.8.3 GET /v1.0/tasks?leadId -> `{"taskList": [TaskResponse]}` *(chosen; newer Lofty
	 * docs)*, by deadline. No paging.
	 */
	router.get('/v1.0/tasks', (ctx) => {
		const leadId = listLead(ctx);
		const list = [...tasksOf(ctx.data).tasks.values()]
			.filter((t) => t.leadId === leadId && !t.deleted)
			.sort((a, b) => a.deadline - b.deadline || a.id - b.id);
		return { body: { taskList: list.map((t) => renderTask(ctx, t)) } };
	});

	/** 5.8.4 GET /v1.0/tasks/{taskId} -> `{"task": TaskResponse}` *(chosen; newer Lofty docs)*. */
	router.get('/v1.0/tasks/{taskId}', (ctx) => ({ body: { task: renderTask(ctx, requireTask(ctx)) } }));

	/**
	 * 5.8.5 PUT /v1.0/tasks/{taskId} (TaskRequest, partial) -> a bare JSON string: the taskId
	 * (the reference says "string"). leadId, when sent, must be the task's lead.
	 * finishFlag=true marks the task completed and ignores the other fields (newer Lofty docs).
	 */
	router.put('/v1.0/tasks/{taskId}', (ctx) => {
		const task = requireTask(ctx);
		const patch = readTask(bodyObject(ctx.body, 'leadTask'), false);
		if (patch.leadId !== undefined && patch.leadId !== task.leadId) {
			throw badRequest(`task ${task.id} does not belong to lead ${patch.leadId}`);
		}
		const now = ctx.data.now();
		if (patch.finishFlag === true) {
			task.finished = true;
			task.finishTime = now;
		} else {
			if (patch.content !== undefined) task.content = patch.content;
			if (patch.type !== undefined) task.type = patch.type;
			if (patch.assignedRole !== undefined) task.assignedRole = patch.assignedRole;
			if (patch.deadline !== undefined) task.deadline = patch.deadline;
		}
		task.updateTime = now;
		return { body: String(task.id) };
	});

	/** 5.8.6 DELETE /v1.0/tasks/{taskId} -> a bare JSON string: the taskId (the reference says "string"). */
	router.delete('/v1.0/tasks/{taskId}', (ctx) => {
		const task = requireTask(ctx);
		task.deleted = true;
		return { body: String(task.id) };
	});
}
