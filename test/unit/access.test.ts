import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Action,
  type Decision,
  decide,
  type ListAction,
  listScope,
  RELATIONS,
} from "../../src/domain/access";
import { type Actor, ROLES, type Role } from "../../src/domain/roles";

const BASE = "base-1";
const OTHER_BASE = "base-2";
const OWN_ORG = "org-own";
const OTHER_ORG = "org-other";

function actor(roles: Role[], extra: Partial<Actor> = {}): Actor {
  return {
    userId: "u",
    baseId: BASE,
    roles,
    organizationId: OWN_ORG,
    crossBase: false,
    townId: null,
    partnerId: null,
    ...extra,
  };
}

const A = "allow";
const F = "forbidden";
const N = "not_found";

/**
 * The written expectation: each role (alone) × each action, about another organization of the
 * actor's own base. Columns follow ROLES: admin, staff, expert, mentor, org_member,
 * government_viewer, community_liaison, partner, individual.
 */
const EXPECTED: Record<Action, Decision[]> = {
  "organization.list": [A, A, F, F, A, A, A, F, F],
  // The subject names no town: for a liaison it is outside its town (see below).
  "organization.read": [A, A, F, F, N, A, N, F, F],
  "organization.create": [A, A, F, F, F, F, F, F, F],
  "organization.update": [A, A, F, F, N, F, F, F, F],
  "organization.updateAdministrative": [A, A, F, F, F, F, F, F, F],
  "organization.import": [A, A, F, F, F, F, F, F, F],
  "organization.export": [A, A, F, F, F, F, F, F, F],
  "organization.revealContact": [A, A, F, F, F, F, F, F, F],
  "call.manage": [A, A, F, F, F, F, F, F, F],
  "application.list": [A, A, F, F, F, F, F, F, F],
  "application.read": [A, A, N, F, N, F, F, F, F],
  "application.apply": [F, F, F, F, N, F, F, F, F],
  "application.intake": [A, A, F, F, F, F, F, F, F],
  "application.export": [A, A, F, F, F, F, F, F, F],
  "user.manage": [A, F, F, F, F, F, F, F, F],
  "audit.read": [A, F, F, F, F, F, F, F, F],
  "reference.read": [A, A, A, A, A, A, A, A, A],
  "stats.read": [A, A, A, A, A, A, A, A, A],
  "stats.recruitment": [A, A, F, F, F, A, A, F, F],
  "inspection.plan": [A, A, F, F, F, F, F, F, F],
  // Without the relation the record is not there for an expert (see the relation tests below).
  "inspection.read": [A, A, N, F, F, F, F, F, F],
  "inspection.record": [A, A, N, F, F, F, F, F, F],
  "expert.manage": [A, A, F, F, F, F, F, F, F],
  "expert.self": [F, F, A, F, F, F, F, F, F],
  "round.manage": [A, A, F, F, F, F, F, F, F],
  "review.write": [F, F, N, F, F, F, F, F, F],
  "admission.decide": [A, A, F, F, F, F, F, F, F],
  "incubation.manage": [A, A, F, F, F, F, F, F, F],
  // An incubation of another organization: a mentor or an assessor without the relation finds none.
  "incubation.read": [A, A, N, N, N, F, F, F, F],
  "instrument.manage": [A, A, F, F, F, F, F, F, F],
  "assessment.read": [A, A, N, F, N, F, F, F, F],
  "assessment.self": [F, F, F, F, N, F, F, F, F],
  "assessment.assess": [A, A, N, F, F, F, F, F, F],
  // The plan of another organization's incubation: a mentor without the relation finds none.
  "plan.read": [A, A, F, N, N, F, F, F, F],
  "plan.manage": [A, A, F, F, F, F, F, F, F],
  "plan.agree": [F, F, F, F, N, F, F, F, F],
  "training.manage": [A, A, F, F, F, F, F, F, F],
  "training.read": [A, A, A, A, A, A, A, A, A],
  // Enrolling for another organization: it does not exist for a member; an individual has none.
  "training.enrol": [A, A, F, F, N, F, F, F, N],
  "training.attend": [A, A, F, F, A, F, F, F, A],
  "plan.progress": [A, A, F, F, N, F, F, F, F],
  "partner.manage": [A, A, F, F, F, F, F, F, F],
  // The subject names no partner: for a partner user it is another partner's, so not there.
  "partner.read": [A, A, F, F, F, F, F, N, F],
  "service.catalogue.read": [A, A, F, A, A, F, F, A, F],
  "service.catalogue.manage": [A, A, F, F, F, F, F, F, F],
  "service.ask": [F, F, F, F, N, F, F, F, F],
  "service.read": [A, A, F, N, N, F, F, N, F],
  "service.manage": [A, A, F, F, F, F, F, F, F],
  "service.handle": [A, A, F, N, F, F, F, N, F],
  "service.rate": [F, F, F, F, N, F, F, F, F],
  "post.manage": [A, A, F, F, F, F, F, F, F],
  "post.feed": [A, A, A, A, A, A, A, A, A],
  "post.read": [A, A, N, N, N, N, N, N, N],
  "mentor.manage": [A, A, F, F, F, F, F, F, F],
  "mentor.self": [F, F, F, A, F, F, F, F, F],
  // Another organization's sessions: a mentor without the relation finds nothing.
  "mentoring.read": [A, A, F, N, N, F, F, F, F],
  "mentoring.log": [F, F, F, N, F, F, F, F, F],
  "mentoring.answer": [F, F, F, F, N, F, F, F, F],
  "person.manage": [A, A, F, F, F, F, F, F, F],
  // Another person's record: not there for an individual (its own: the relation "self", below).
  "person.read": [A, A, F, F, F, F, F, F, N],
  "person.self": [F, F, F, F, F, F, F, F, A],
  "funding.manage": [A, A, F, F, F, F, F, F, F],
  // Another organization's grant, of no partner's fund, with no relation: not there for those
  // who read their own.
  "funding.read": [A, A, F, N, N, F, F, N, F],
  "funding.report": [F, F, F, F, N, F, F, F, F],
  "funding.figures": [A, A, F, F, F, A, F, F, F],
};
const ACTIONS = Object.keys(EXPECTED) as Action[];

describe("the policy table", () => {
  it("decides every role × action as written", () => {
    const subject = { baseId: BASE, organizationId: OTHER_ORG };
    for (const action of ACTIONS) {
      ROLES.forEach((role, i) => {
        expect(decide(actor([role]), action, subject), `${role} ${action}`).toBe(EXPECTED[action][i]);
      });
    }
  });

  it("lets a partner user read its own partner and no other", () => {
    const partner = actor(["partner"], { partnerId: "p-own" });
    expect(decide(partner, "partner.read", { baseId: BASE, partnerId: "p-own" })).toBe(A);
    expect(decide(partner, "partner.read", { baseId: BASE, partnerId: "p-other" })).toBe(N);
    expect(decide(partner, "partner.read", { baseId: OTHER_BASE, partnerId: "p-own" })).toBe(N);
    expect(decide(actor(["partner"]), "partner.read", { baseId: BASE, partnerId: "p-own" })).toBe(N);
    expect(decide(partner, "partner.manage", { baseId: BASE, partnerId: "p-own" })).toBe(F);
  });

  it("lets a member read and edit its own organization, but not decide its administrative fields", () => {
    const own = { baseId: BASE, organizationId: OWN_ORG };
    const member = actor(["org_member"]);
    expect(decide(member, "organization.read", own)).toBe(A);
    expect(decide(member, "organization.update", own)).toBe(A);
    expect(decide(member, "organization.updateAdministrative", own)).toBe(F);
    expect(decide(member, "organization.revealContact", own)).toBe(F);
    expect(decide(actor(["org_member"], { organizationId: null }), "organization.read", own)).toBe(N);
  });

  it("hides another base's records from everyone but a city-level viewer reading", () => {
    const foreign = { baseId: OTHER_BASE, organizationId: OTHER_ORG };
    fc.assert(
      fc.property(
        fc.subarray([...ROLES], { minLength: 1 }),
        fc.boolean(),
        fc.constantFrom(...ACTIONS),
        (roles, crossBase, action) => {
          const expected =
            crossBase && roles.includes("government_viewer") && action === "organization.read" ? A : N;
          return decide(actor(roles, { crossBase }), action, foreign) === expected;
        },
      ),
    );
  });

  it("gives an actor with several roles the most any one of them is given", () => {
    const rank: Record<Decision, number> = { forbidden: 0, not_found: 1, allow: 2 };
    fc.assert(
      fc.property(
        fc.subarray([...ROLES], { minLength: 2 }),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(OWN_ORG, OTHER_ORG),
        (roles, action, organizationId) => {
          const subject = { baseId: BASE, organizationId };
          const best = Math.max(...roles.map((r) => rank[decide(actor([r]), action, subject)]));
          return rank[decide(actor(roles), action, subject)] === best;
        },
      ),
    );
  });

  it("lets an inspector read and record their inspection, and an assigned expert read it", () => {
    const expert = actor(["expert"]);
    const base = { baseId: BASE, organizationId: OTHER_ORG };
    expect(decide(expert, "inspection.record", { ...base, relations: ["inspector"] })).toBe(A);
    expect(decide(expert, "inspection.read", { ...base, relations: ["inspector"] })).toBe(A);
    expect(decide(expert, "inspection.read", { ...base, relations: ["assigned_expert"] })).toBe(A);
    expect(decide(expert, "inspection.record", { ...base, relations: ["assigned_expert"] })).toBe(N);
    expect(decide(expert, "application.read", { ...base, relations: ["inspector"] })).toBe(A);
    expect(decide(expert, "review.write", { ...base, relations: ["assigned_expert"] })).toBe(A);
    expect(decide(expert, "review.write", { ...base, relations: ["inspector"] })).toBe(N);
    // Another base's inspection is not there, relation or not.
    expect(decide(expert, "inspection.read", { ...base, baseId: OTHER_BASE, relations: ["inspector"] })).toBe(
      N,
    );
    expect(listScope(expert, "inspection.list")).toEqual({ kind: "assigned", baseId: BASE, userId: "u" });
    expect(listScope(expert, "review.listOwn")).toEqual({ kind: "assigned", baseId: BASE, userId: "u" });
    expect(listScope(actor(["staff"]), "inspection.list")).toEqual({ kind: "bases", baseIds: [BASE] });
    expect(listScope(actor(["staff"]), "review.listOwn")).toBeNull();
    expect(listScope(actor(["org_member"]), "inspection.list")).toBeNull();
  });

  it("opens an incubation to its members, its mentors and its invited assessors, no one else's", () => {
    const other = { baseId: BASE, organizationId: OTHER_ORG };
    const own = { baseId: BASE, organizationId: OWN_ORG };
    const member = actor(["org_member"]);
    expect(decide(member, "incubation.read", own)).toBe(A);
    expect(decide(member, "assessment.self", own)).toBe(A);
    expect(decide(member, "assessment.assess", own)).toBe(F);
    expect(decide(actor(["mentor"]), "incubation.read", { ...other, relations: ["mentor"] })).toBe(A);
    const expert = actor(["expert"]);
    expect(decide(expert, "incubation.read", { ...other, relations: ["assessor"] })).toBe(A);
    expect(decide(expert, "assessment.assess", { ...other, relations: ["assessor"] })).toBe(A);
    expect(decide(expert, "assessment.assess", { ...other, relations: ["assigned_expert"] })).toBe(N);
    expect(decide(expert, "incubation.read", { ...other, baseId: OTHER_BASE, relations: ["assessor"] })).toBe(
      N,
    );
    expect(listScope(member, "incubation.list")).toEqual({
      kind: "organization",
      baseId: BASE,
      organizationId: OWN_ORG,
    });
    expect(listScope(expert, "incubation.list")).toEqual({ kind: "assigned", baseId: BASE, userId: "u" });
    expect(listScope(actor(["government_viewer"]), "incubation.list")).toBeNull();
    // A mentor lists the incubations it currently mentors (the list's query reads the mentorships).
    expect(listScope(actor(["mentor"]), "incubation.list")).toEqual({
      kind: "assigned",
      baseId: BASE,
      userId: "u",
    });
  });

  it("lets a mentor read and log only the sessions of incubations it mentors, and only the organization answer them", () => {
    const mentor = actor(["mentor"], { organizationId: null });
    const mentored = { baseId: BASE, organizationId: OTHER_ORG, relations: ["mentor" as const] };
    const stranger = { baseId: BASE, organizationId: OTHER_ORG };
    expect(decide(mentor, "mentoring.read", mentored)).toBe(A);
    expect(decide(mentor, "mentoring.log", mentored)).toBe(A);
    expect(decide(mentor, "incubation.read", mentored)).toBe(A);
    expect(decide(mentor, "mentoring.read", stranger)).toBe(N);
    expect(decide(mentor, "mentoring.log", stranger)).toBe(N);
    expect(decide(mentor, "mentoring.answer", mentored)).toBe(F);
    expect(decide(actor(["org_member"]), "mentoring.answer", { baseId: BASE, organizationId: OWN_ORG })).toBe(
      A,
    );
    expect(decide(actor(["staff"]), "mentoring.log", mentored)).toBe(F);
  });

  it("lets a member agree to and report on its own organization's plan only; a mentor reads it through the relation", () => {
    const other = { baseId: BASE, organizationId: OTHER_ORG };
    const own = { baseId: BASE, organizationId: OWN_ORG };
    const member = actor(["org_member"]);
    expect(decide(member, "plan.read", own)).toBe(A);
    expect(decide(member, "plan.agree", own)).toBe(A);
    expect(decide(member, "plan.progress", own)).toBe(A);
    expect(decide(member, "plan.manage", own)).toBe(F);
    expect(decide(member, "plan.agree", { ...own, baseId: OTHER_BASE })).toBe(N);
    expect(decide(actor(["staff"]), "plan.agree", own)).toBe(F);
    expect(decide(actor(["staff"]), "plan.progress", { ...other, baseId: OTHER_BASE })).toBe(N);
    expect(decide(actor(["mentor"]), "plan.read", { ...other, relations: ["mentor"] })).toBe(A);
    expect(decide(actor(["mentor"]), "plan.progress", { ...other, relations: ["mentor"] })).toBe(F);
  });

  it("lets a reader open a post only when the loader found it is meant for them", () => {
    const post = { baseId: BASE };
    for (const role of ["org_member", "mentor", "partner", "individual"] as const) {
      expect(decide(actor([role]), "post.read", post)).toBe(N);
      expect(decide(actor([role]), "post.read", { ...post, relations: ["post_reader"] })).toBe(A);
      expect(decide(actor([role]), "post.read", { baseId: OTHER_BASE, relations: ["post_reader"] })).toBe(N);
      expect(decide(actor([role]), "post.manage", post)).toBe(F);
    }
    expect(decide(actor(["staff"]), "post.read", post)).toBe(A);
    expect(decide(actor(["staff"]), "post.manage", { baseId: OTHER_BASE })).toBe(N);
  });

  it("lets an expert read an application only through an assignment, in its own base", () => {
    const expert = actor(["expert"]);
    const assigned = { baseId: BASE, organizationId: OTHER_ORG, relations: ["assigned_expert"] as const };
    expect(decide(expert, "application.read")).toBe(A); // the role half: experts may read some
    expect(decide(expert, "application.read", assigned)).toBe(A);
    expect(decide(expert, "application.read", { baseId: BASE, organizationId: OTHER_ORG })).toBe(N);
    expect(decide(expert, "application.read", { ...assigned, relations: ["mentor"] })).toBe(N);
    expect(decide(expert, "application.read", { ...assigned, baseId: OTHER_BASE })).toBe(N);
    // A relation grants only what its rule says: an assigned expert still neither decides nor lists.
    expect(decide(expert, "application.intake", assigned)).toBe(F);
    expect(decide(expert, "application.list")).toBe(F);
  });

  it("never lets a relation alone open a record to a role whose rules do not name it", () => {
    // Each relation belongs to one role: an expert's to review, inspect or assess; a mentor's.
    // (A post's reader is any role's: the post rules name it for all, tested above.)
    const holder: Record<Exclude<(typeof RELATIONS)[number], "post_reader">, Role> = {
      assigned_expert: "expert",
      inspector: "expert",
      assessor: "expert",
      mentor: "mentor",
      // A request's handler is a mentor or a partner user: checked by the test below.
      handler: "mentor",
      self: "individual",
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...ACTIONS),
        fc.subarray([...RELATIONS]),
        (role, action, all) => {
          const relations = all.filter(
            (r) => r !== "post_reader" && holder[r] !== role && !(r === "handler" && role === "partner"),
          );
          const plain = { baseId: BASE, organizationId: OTHER_ORG };
          return (
            decide(actor([role]), action, { ...plain, relations }) === decide(actor([role]), action, plain)
          );
        },
      ),
    );
  });

  it("lets an individual read only its own person record, in its own base", () => {
    const individual = actor(["individual"], { organizationId: null });
    const own = { baseId: BASE, relations: ["self"] as const };
    expect(decide(individual, "person.read", own)).toBe(A);
    expect(decide(individual, "person.read", { baseId: BASE })).toBe(N);
    expect(decide(individual, "person.read", { ...own, baseId: OTHER_BASE })).toBe(N);
    // The relation is an individual's: a member with it still has no person records to read.
    expect(decide(actor(["org_member"]), "person.read", own)).toBe(F);
  });

  it("scopes lists: base staff to their base, a city viewer to all, a liaison to its town, a member to its own", () => {
    const ownBase = { kind: "bases", baseIds: [BASE] };
    const own = { kind: "organization", baseId: BASE, organizationId: OWN_ORG };
    expect(listScope(actor(["staff"]), "organization.list")).toEqual(ownBase);
    expect(listScope(actor(["government_viewer"]), "organization.list")).toEqual(ownBase);
    expect(listScope(actor(["government_viewer"], { crossBase: true }), "organization.list")).toEqual({
      kind: "bases",
      baseIds: "all",
    });
    expect(listScope(actor(["org_member"]), "organization.list")).toEqual(own);
    expect(listScope(actor(["org_member"]), "application.listOwn")).toEqual(own);
    expect(listScope(actor(["org_member"], { organizationId: null }), "application.listOwn")).toBeNull();
    expect(listScope(actor(["staff"]), "application.list")).toEqual(ownBase);
    expect(listScope(actor(["expert"]), "application.list")).toBeNull();
    expect(listScope(actor(["staff"]), "audit.read")).toBeNull();
    expect(listScope(actor(["admin"]), "audit.read")).toEqual(ownBase);
  });

  it("gives a list a scope exactly when the policy lets the actor's roles see it", () => {
    const LISTS: Exclude<
      ListAction,
      | "application.listOwn"
      | "inspection.list"
      | "review.listOwn"
      | "incubation.list"
      | "service.list"
      | "funding.list"
    >[] = [
      "organization.list",
      "application.list",
      "call.manage",
      "user.manage",
      "audit.read",
      "stats.recruitment",
    ];
    fc.assert(
      fc.property(fc.subarray([...ROLES], { minLength: 1 }), fc.constantFrom(...LISTS), (roles, list) => {
        const a = actor(roles);
        return (listScope(a, list) === null) === (decide(a, list) === "forbidden");
      }),
    );
  });

  it("lets a partner read the grants of its own fund and a member its own, and scopes the funding lists so", () => {
    const ownFund = { baseId: BASE, organizationId: OTHER_ORG, partnerId: "p-1" };
    expect(decide(actor(["partner"], { partnerId: "p-1" }), "funding.read", ownFund)).toBe(A);
    expect(decide(actor(["partner"], { partnerId: "p-2" }), "funding.read", ownFund)).toBe(N);
    expect(
      decide(actor(["partner"], { partnerId: null }), "funding.read", { ...ownFund, partnerId: null }),
    ).toBe(N);
    expect(decide(actor(["org_member"]), "funding.read", { baseId: BASE, organizationId: OWN_ORG })).toBe(A);
    expect(decide(actor(["org_member"]), "funding.report", { baseId: BASE, organizationId: OWN_ORG })).toBe(
      A,
    );
    expect(decide(actor(["staff"]), "funding.read", { ...ownFund, baseId: OTHER_BASE })).toBe(N);
    expect(decide(actor(["mentor"]), "funding.read", { ...ownFund, relations: ["mentor"] })).toBe(A);
    expect(listScope(actor(["partner"], { partnerId: "p-1" }), "funding.list")).toEqual({
      kind: "partner",
      baseId: BASE,
      partnerId: "p-1",
    });
    expect(listScope(actor(["org_member"]), "funding.list")).toEqual({
      kind: "organization",
      baseId: BASE,
      organizationId: OWN_ORG,
    });
    expect(listScope(actor(["staff"]), "funding.list")).toEqual({ kind: "bases", baseIds: [BASE] });
    expect(listScope(actor(["mentor"]), "funding.list")).toBeNull();
    expect(listScope(actor(["government_viewer"]), "funding.list")).toBeNull();
  });

  it("lets a request's handler (a mentor, a partner's user) read and handle it, and no one else", () => {
    const handled = { baseId: BASE, organizationId: OTHER_ORG, relations: ["handler"] as const };
    const plain = { baseId: BASE, organizationId: OTHER_ORG };
    for (const role of ["mentor", "partner"] as const) {
      expect(decide(actor([role]), "service.read", handled)).toBe(A);
      expect(decide(actor([role]), "service.handle", handled)).toBe(A);
      expect(decide(actor([role]), "service.read", plain)).toBe(N);
      expect(decide(actor([role]), "service.manage", handled)).toBe(F);
      expect(decide(actor([role]), "service.rate", handled)).toBe(F);
      expect(decide(actor([role]), "service.read", { ...handled, baseId: OTHER_BASE })).toBe(N);
    }
    expect(decide(actor(["org_member"]), "service.rate", { baseId: BASE, organizationId: OWN_ORG })).toBe(A);
    expect(decide(actor(["staff"]), "service.rate", { baseId: BASE, organizationId: OWN_ORG })).toBe(F);
    expect(listScope(actor(["partner"], { partnerId: "p-1" }), "service.list")).toEqual({
      kind: "partner",
      baseId: BASE,
      partnerId: "p-1",
    });
    expect(listScope(actor(["mentor"]), "service.list")).toEqual({
      kind: "assigned",
      baseId: BASE,
      userId: "u",
    });
    expect(listScope(actor(["expert"]), "service.list")).toBeNull();
  });

  it("scopes the figures: the base for staff and viewers, all bases for a city viewer, a liaison's town", () => {
    expect(listScope(actor(["staff"]), "stats.recruitment")).toEqual({ kind: "bases", baseIds: [BASE] });
    expect(listScope(actor(["government_viewer"]), "stats.recruitment")).toEqual({
      kind: "bases",
      baseIds: [BASE],
    });
    expect(listScope(actor(["government_viewer"], { crossBase: true }), "stats.recruitment")).toEqual({
      kind: "bases",
      baseIds: "all",
    });
    for (const role of ["expert", "mentor", "partner", "org_member"] as const) {
      expect(listScope(actor([role]), "stats.recruitment")).toBeNull();
    }
  });

  it("gives a liaison its town for the registry and the figures alike", () => {
    for (const list of ["organization.list", "stats.recruitment"] as const) {
      const town = (townId: string | null) => ({ kind: "town", baseId: BASE, townId });
      expect(listScope(actor(["community_liaison"], { townId: "town-1" }), list), list).toEqual(
        town("town-1"),
      );
      // No town set yet: a town scope that matches nothing, never the whole base.
      expect(listScope(actor(["community_liaison"]), list), list).toEqual(town(null));
      // A liaison who also works for the base (or reports to it) reads the base.
      for (const other of ["staff", "government_viewer"] as const) {
        expect(listScope(actor(["community_liaison", other]), list), list).toEqual({
          kind: "bases",
          baseIds: [BASE],
        });
      }
    }
  });

  it("lets a liaison open its own town's organizations only, as its list shows them", () => {
    const liaison = actor(["community_liaison"], { townId: "town-1" });
    const inTown = { baseId: BASE, organizationId: OTHER_ORG, townId: "town-1" };
    expect(decide(liaison, "organization.read", inTown)).toBe(A);
    expect(decide(liaison, "organization.read", { ...inTown, townId: "town-2" })).toBe(N);
    expect(decide(liaison, "organization.read", { ...inTown, townId: null })).toBe(N);
    // No town of its own: nothing matches, not even an organization without a town.
    expect(decide(actor(["community_liaison"]), "organization.read", { ...inTown, townId: null })).toBe(N);
    expect(
      decide(actor(["community_liaison", "staff"]), "organization.read", { ...inTown, townId: "town-2" }),
    ).toBe(A);
  });
});
