/**
 * The reference's Notes group (5.7.1 - 5.7.5). Notes live in `data.notes` (POST /v1.0/leads
 * with `content` adds one there too); what NoteRecord does not hold (system flag, last
 * editor) is kept beside it, per data instance.
 */
import type { FakeLoftyData, NoteRecord } from './data';
import { MINUTE_MS, NOTE_ID_BASE, SEED_BASE_TIME } from './data';
import type { RouteContext, Router } from './router';
import { pathId } from './router';
import { badRequest, leadNotFound, notFound } from './errors';
import { formatTime } from './time';
import { bodyObject, optBool, optInt, optStr } from './validate';

/** NoteResponse.id is the note's timeline entry: noteId + this (chosen). */
export const NOTE_TIMELINE_ID_OFFSET = 500_000;
export const NOTE_NOT_FOUND_MESSAGE = 'Note not found';

interface NoteExtras {
	systemNote: boolean;
	lastEditorId: number;
}

const extrasByData = new WeakMap<FakeLoftyData, Map<number, NoteExtras>>();

function extrasOf(data: FakeLoftyData, note: NoteRecord): NoteExtras {
	let byId = extrasByData.get(data);
	if (!byId) {
		byId = new Map();
		extrasByData.set(data, byId);
	}
	let extras = byId.get(note.id);
	if (!extras) {
		extras = { systemNote: false, lastEditorId: note.creatorId };
		byId.set(note.id, extras);
	}
	return extras;
}

/** Live (not deleted) notes, of one lead when `leadId` is given. */
export function notesOf(data: FakeLoftyData, leadId?: number): NoteRecord[] {
	return data.notes.filter((n) => !n.deleted && (leadId === undefined || n.leadId === leadId));
}

/** Whether a note is one Lofty wrote itself (stage change, assignment, ...). */
export function isSystemNote(data: FakeLoftyData, note: NoteRecord): boolean {
	return extrasOf(data, note).systemNote;
}

/**
 * Seeds `count` notes written by the current user on a live lead, then `systemNotes` system
 * notes. Note n (n = id - 8000000) reads `Note n` (`System note n` for system notes) and was
 * created at 2024-01-01T00:00:00Z + n minutes; none is pinned.
 */
export function seedNotes(data: FakeLoftyData, leadId: number, count: number, options: { systemNotes?: number } = {}): NoteRecord[] {
	if (!data.lead(leadId)) throw new Error(`fake-lofty: seedNotes needs a live lead, ${leadId} is not one`);
	const created: NoteRecord[] = [];
	const system = options.systemNotes ?? 0;
	for (let i = 0; i < count + system; i++) {
		const id = data.nextNoteId();
		const n = id - NOTE_ID_BASE;
		const isSystem = i >= count;
		const time = SEED_BASE_TIME + n * MINUTE_MS;
		const note: NoteRecord = {
			id,
			leadId,
			content: isSystem ? `System note ${n}` : `Note ${n}`,
			isPin: false,
			creatorId: data.currentUserId,
			createTime: time,
			updateTime: time,
			deleted: false,
		};
		data.notes.push(note);
		extrasOf(data, note).systemNote = isSystem;
		created.push(note);
	}
	return created;
}

function memberName(data: FakeLoftyData, id: number): string | null {
	const member = data.member(id);
	return member ? `${member.firstName} ${member.lastName}` : null;
}

/** NoteResponse (6.58). */
function renderNote(ctx: RouteContext, note: NoteRecord): Record<string, unknown> {
	const extras = extrasOf(ctx.data, note);
	return {
		id: note.id + NOTE_TIMELINE_ID_OFFSET,
		noteId: note.id,
		leadId: note.leadId,
		content: note.content,
		isPin: note.isPin,
		systemNote: extras.systemNote,
		deleteFlag: note.deleted,
		creatorId: note.creatorId,
		creatorName: memberName(ctx.data, note.creatorId),
		lastEditorId: extras.lastEditorId,
		lastEditorName: memberName(ctx.data, extras.lastEditorId),
		createTime: formatTime(note.createTime, ctx.options.timeFormat),
		lastUpdate: formatTime(note.updateTime, ctx.options.timeFormat),
	};
}

function requireNote(ctx: RouteContext): NoteRecord {
	const id = pathId(ctx, 'noteId');
	const note = ctx.data.notes.find((n) => n.id === id && !n.deleted);
	if (!note) throw notFound(NOTE_NOT_FOUND_MESSAGE);
	return note;
}

/** A note's content may not be blank. */
function checkContent(content: string | undefined, required: boolean): void {
	if (content === undefined) {
		if (required) throw badRequest('content is required');
		return;
	}
	if (content.trim() === '') throw badRequest('content must not be empty');
}

export function registerNoteRoutes(router: Router): void {
	/**
	 * 5.7.1 POST /v1.0/notes (NoteRequest) -> 200 with a bare JSON string: the new noteId
	 * (the reference says "string"). leadId (a live lead) and content are required.
	 */
	router.post('/v1.0/notes', (ctx) => {
		const body = bodyObject(ctx.body, 'leadNote');
		const leadId = optInt(body, 'leadId');
		if (leadId === undefined) throw badRequest('leadId is required');
		if (!ctx.data.lead(leadId)) throw leadNotFound();
		const content = optStr(body, 'content');
		checkContent(content, true);
		const isPin = optBool(body, 'isPin') ?? false;
		const now = ctx.data.now();
		const note: NoteRecord = {
			id: ctx.data.nextNoteId(),
			leadId,
			content: content as string,
			isPin,
			creatorId: ctx.data.currentUserId,
			createTime: now,
			updateTime: now,
			deleted: false,
		};
		ctx.data.notes.push(note);
		return { body: String(note.id) };
	});

	/**
	 * 5.7.2 GET /v1.0/notes?leadId&includeSystemNote -> NoteResponse[] (bare array), pinned
	 * first, then newest first. leadId is required (newer Lofty docs) and must be a live lead;
	 * system notes only with includeSystemNote=true. No paging.
	 */
	router.get('/v1.0/notes', (ctx) => {
		const leadId = ctx.query.int('leadId');
		if (leadId === undefined) throw badRequest('leadId is required');
		if (!ctx.data.lead(leadId)) throw leadNotFound();
		const includeSystem = ctx.query.bool('includeSystemNote') ?? false;
		const notes = notesOf(ctx.data, leadId)
			.filter((n) => includeSystem || !isSystemNote(ctx.data, n))
			.sort((a, b) => Number(b.isPin) - Number(a.isPin) || b.createTime - a.createTime || b.id - a.id);
		return { body: notes.map((n) => renderNote(ctx, n)) };
	});

	/** 5.7.3 GET /v1.0/notes/{noteId} -> NoteResponse; a missing or deleted note -> 404. */
	router.get('/v1.0/notes/{noteId}', (ctx) => ({ body: renderNote(ctx, requireNote(ctx)) }));

	/**
	 * 5.7.4 PUT /v1.0/notes/{noteId} (NoteRequest, partial) -> 200 with no content.
	 * leadId, when sent, must be the note's lead; content may not be blank; system notes
	 * cannot be edited.
	 */
	router.put('/v1.0/notes/{noteId}', (ctx) => {
		const note = requireNote(ctx);
		const body = bodyObject(ctx.body, 'leadNote');
		const leadId = optInt(body, 'leadId');
		if (leadId !== undefined && leadId !== note.leadId) {
			throw badRequest(`note ${note.id} does not belong to lead ${leadId}`);
		}
		const content = optStr(body, 'content');
		checkContent(content, false);
		const isPin = optBool(body, 'isPin');
		if (isSystemNote(ctx.data, note)) throw badRequest('system notes cannot be edited');
		if (content !== undefined) note.content = content;
		if (isPin !== undefined) note.isPin = isPin;
		note.updateTime = ctx.data.now();
		extrasOf(ctx.data, note).lastEditorId = ctx.data.currentUserId;
		return {};
	});

	/** 5.7.5 DELETE /v1.0/notes/{noteId} -> 200 with no content; the note is gone afterwards. */
	router.delete('/v1.0/notes/{noteId}', (ctx) => {
		requireNote(ctx).deleted = true;
		return {};
	});
}
