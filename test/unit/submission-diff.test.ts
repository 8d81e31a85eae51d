import { describe, expect, it } from "vitest";
import { diffSubmissions, type SubmissionSnapshotLike } from "../../src/domain/submission-diff";

const doc = (requirementKey: string, sha256: string, originalName = `${sha256}.pdf`) => ({
  fileId: `f-${sha256}`,
  requirementKey,
  originalName,
  sha256,
});

const base: SubmissionSnapshotLike = {
  track: "org",
  callRevision: 1,
  answers: { motivation: "提升治理", beneficiaries: 100, topics: ["a", "b"] },
  organization: { name: "阳光助老服务社", staffCount: 5, contactPhone: "13912345678" },
  documents: [doc("certificate", "aaa"), doc("plan", "bbb")],
};

describe("diffSubmissions", () => {
  it("finds nothing between equal snapshots", () => {
    expect(diffSubmissions(base, structuredClone(base))).toEqual({
      track: null,
      callRevision: null,
      answers: [],
      profile: [],
      documents: [],
    });
  });

  it("lists changed, added and cleared answers with before and after", () => {
    const to = { ...base, answers: { motivation: "提升治理能力", topics: ["b", "a"], extra: "新" } };
    expect(diffSubmissions(base, to).answers).toEqual([
      { key: "beneficiaries", before: 100, after: null },
      { key: "extra", before: null, after: "新" },
      { key: "motivation", before: "提升治理", after: "提升治理能力" },
    ]);
  });

  it("treats empty values as unanswered", () => {
    const from = { ...base, answers: { motivation: "", topics: [] } };
    const to = { ...base, answers: {} };
    expect(diffSubmissions(from, to).answers).toEqual([]);
  });

  it("lists profile fields that changed, the track and the call revision", () => {
    const to = {
      ...base,
      track: "project" as const,
      callRevision: 2,
      organization: { ...base.organization, staffCount: 8 },
    };
    const diff = diffSubmissions(base, to);
    expect(diff.profile).toEqual([{ field: "staffCount", before: 5, after: 8 }]);
    expect(diff.track).toEqual({ before: "org", after: "project" });
    expect(diff.callRevision).toEqual({ before: 1, after: 2 });
  });

  it("documents: added and removed per requirement by content; re-uploading the same bytes is no change", () => {
    const to = {
      ...base,
      documents: [
        doc("certificate", "aaa", "证书（重新上传）.pdf"),
        doc("plan", "ccc"),
        doc("q:photo", "ddd"),
      ],
    };
    expect(diffSubmissions(base, to).documents).toEqual([
      {
        requirementKey: "plan",
        added: [{ fileId: "f-ccc", originalName: "ccc.pdf", sha256: "ccc" }],
        removed: [{ fileId: "f-bbb", originalName: "bbb.pdf", sha256: "bbb" }],
      },
      {
        requirementKey: "q:photo",
        added: [{ fileId: "f-ddd", originalName: "ddd.pdf", sha256: "ddd" }],
        removed: [],
      },
    ]);
  });
});
