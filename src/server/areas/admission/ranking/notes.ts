/** The review meeting's notes: on the round, or on one application of it. Append-only. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { organizations, roundNotes, roundSubjects, users } from "../../../../db/schema";
import type { Note, NoteInput } from "../../../../schemas/admission/ranking";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError } from "../../../errors";
import { loadRound } from "./load";

export async function listNotes(db: Db, ctx: Context, roundId: string): Promise<{ items: Note[] }> {
  const round = await loadRound(db, ctx, roundId);
  const rows = await db
    .select({
      id: roundNotes.id,
      applicationId: roundNotes.subjectId,
      body: roundNotes.body,
      organizationName: organizations.name,
      authorName: users.displayName,
      createdAt: roundNotes.createdAt,
    })
    .from(roundNotes)
    .leftJoin(users, eq(users.id, roundNotes.authorId))
    .leftJoin(
      roundSubjects,
      and(eq(roundSubjects.roundId, roundNotes.roundId), eq(roundSubjects.subjectId, roundNotes.subjectId)),
    )
    .leftJoin(organizations, eq(organizations.id, roundSubjects.organizationId))
    .where(eq(roundNotes.roundId, round.id))
    .orderBy(asc(roundNotes.createdAt), asc(roundNotes.id));
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export async function addNote(db: Db, ctx: Context, roundId: string, input: NoteInput): Promise<Note> {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, roundId);
    const applicationId = input.applicationId ?? null;
    let organizationName: string | null = null;
    if (applicationId) {
      const [subject] = await tx
        .select({ id: roundSubjects.subjectId, name: organizations.name })
        .from(roundSubjects)
        .innerJoin(organizations, eq(organizations.id, roundSubjects.organizationId))
        .where(and(eq(roundSubjects.roundId, round.id), eq(roundSubjects.subjectId, applicationId)));
      if (!subject) throw fieldError("applicationId", "not_in_round");
      organizationName = subject.name;
    }
    const [row] = await tx
      .insert(roundNotes)
      .values({
        baseId: round.baseId,
        roundId: round.id,
        subjectId: applicationId,
        body: input.body,
        authorId: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("note not written");
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: "round.note_added",
      entityType: "round",
      entityId: round.id,
      after: { noteId: row.id, applicationId },
    });
    return {
      id: row.id,
      applicationId,
      organizationName,
      body: row.body,
      authorName: ctx.actor.displayName,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
