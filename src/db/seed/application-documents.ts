/** The demo applications' documents (files rows over the demo PDFs) and staff's intake verdicts. */
import { eq } from "drizzle-orm";
import type { IntakeVerdictStatus } from "../../domain/application";
import { applicationDocuments, files, intakeVerdicts } from "../schema";
import { correctedName, DOCUMENT_FILES } from "./application-texts";
import type { Live, SeedContext } from "./application-writer";
import { type DemoBlob, demoPdf } from "./demo-pdf";

/** The demo PDF of one document key (plain, or as corrected after a return): same bytes every time. */
function demoDocumentBlob(key: string, corrected: boolean): DemoBlob {
  return demoPdf(`Demo document: ${DOCUMENT_FILES[key]?.title ?? key}`, [
    "Hatchery demo data - not a real document.",
    corrected ? "Corrected version, uploaded after the application was returned." : "As uploaded.",
  ]);
}

/** Every demo PDF a demo document may point at (to put back into a storage that lacks them). */
export function allDemoDocumentBlobs(): DemoBlob[] {
  return Object.keys(DOCUMENT_FILES).flatMap((key) => [
    demoDocumentBlob(key, false),
    demoDocumentBlob(key, true),
  ]);
}

function blobFor(ctx: SeedContext, key: string, corrected: boolean): DemoBlob {
  const name = `${key}${corrected ? ":corrected" : ""}`;
  const blob = ctx.blobs.get(name) ?? demoDocumentBlob(key, corrected);
  ctx.blobs.set(name, blob);
  return blob;
}

/** Uploads the demo PDF for `key` (a corrected one after a return), as the applicant. */
export async function attachDocument(ctx: SeedContext, live: Live, key: string, at: Date, corrected = false) {
  const blob = blobFor(ctx, key, corrected);
  // Named as applicants do, after their organization (昌平区 left out), e.g. "XX协会-项目计划书.pdf".
  const prefix = `${live.profile.name.replace(/^昌平区/, "")}-`;
  const plain = prefix + (DOCUMENT_FILES[key]?.name(at.getUTCFullYear() - 1) ?? `${key}.pdf`);
  const originalName = corrected ? correctedName(plain) : plain;
  const [file] = await ctx.tx
    .insert(files)
    .values({
      baseId: ctx.baseId,
      sha256: blob.sha256,
      size: blob.bytes.length,
      mime: "application/pdf",
      originalName,
      ownerType: "application_document",
      ownerId: live.id,
      uploadedBy: live.userId,
      createdAt: at,
    })
    .returning({ id: files.id });
  if (!file) throw new Error("seed: file insert returned nothing");
  const [document] = await ctx.tx
    .insert(applicationDocuments)
    .values({
      baseId: ctx.baseId,
      applicationId: live.id,
      requirementKey: key,
      fileId: file.id,
      createdAt: at,
    })
    .returning({ id: applicationDocuments.id });
  if (!document) throw new Error("seed: document insert returned nothing");
  live.documents.push({
    id: document.id,
    requirementKey: key,
    fileId: file.id,
    originalName,
    sha256: blob.sha256,
    size: blob.bytes.length,
  });
  live.updatedAt = at;
}

/** Replaces the document of `key` with a corrected upload (the old one stays in the item's history). */
export async function replaceDocument(ctx: SeedContext, live: Live, key: string, at: Date) {
  const old = live.documents.filter((d) => d.requirementKey === key);
  live.documents = live.documents.filter((d) => d.requirementKey !== key);
  const when = new Date(at.getTime() + 60_000);
  await attachDocument(ctx, live, key, when, true);
  const replacement = live.documents.at(-1);
  for (const d of old) {
    await ctx.tx
      .update(applicationDocuments)
      .set({ removedAt: when, replacedById: replacement?.id })
      .where(eq(applicationDocuments.id, d.id));
  }
}

/** Staff's intake verdicts on some items (a later verdict on the same item overwrites). */
export async function recordVerdicts(
  ctx: SeedContext,
  live: Live,
  items: { key: string; status: IntakeVerdictStatus; reason: string | null }[],
  at: Date,
) {
  for (const item of items) {
    const values = { status: item.status, reason: item.reason, checkedBy: ctx.staff.id, checkedAt: at };
    await ctx.tx
      .insert(intakeVerdicts)
      .values({ baseId: ctx.baseId, applicationId: live.id, requirementKey: item.key, ...values })
      .onConflictDoUpdate({
        target: [intakeVerdicts.applicationId, intakeVerdicts.requirementKey],
        set: values,
      });
  }
}
