import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Action, type Decision, decide, figuresScope, organizationScope } from "../../src/domain/access";
import { type Actor, ROLES, type Role } from "../../src/domain/roles";

const BASE = "base-1";
const OTHER_BASE = "base-2";
const OWN_ORG = "org-own";
const OTHER_ORG = "org-other";

const ACTIONS: Action[] = [
  "organization.list",
  "organization.read",
  "organization.create",
  "organization.update",
  "organization.updateAdministrative",
  "organization.import",
  "organization.export",
  "organization.revealContact",
  "call.manage",
  "application.list",
  "application.read",
  "application.apply",
  "application.review",
  "application.export",
  "user.manage",
  "audit.read",
  "reference.read",
  "stats.read",
  "stats.recruitment",
];

function actor(roles: Role[], extra: Partial<Actor> = {}): Actor {
  return {
    userId: "u",
    baseId: BASE,
    roles,
    organizationId: OWN_ORG,
    crossBase: false,
    townId: null,
    ...extra,
  };
}

const A = "allow";
const F = "forbidden";
const N = "not_found";

/**
 * The written expectation: each role (alone) × each action, about another organization of the
 * actor's own base. Columns follow ROLES: admin, staff, expert, mentor, org_member,
 * government_viewer, community_liaison, partner.
 */
const EXPECTED: Record<Action, Decision[]> = {
  "organization.list": [A, A, F, F, A, A, A, F],
  "organization.read": [A, A, F, F, N, A, A, F],
  "organization.create": [A, A, F, F, F, F, F, F],
  "organization.update": [A, A, F, F, N, F, F, F],
  "organization.updateAdministrative": [A, A, F, F, F, F, F, F],
  "organization.import": [A, A, F, F, F, F, F, F],
  "organization.export": [A, A, F, F, F, F, F, F],
  "organization.revealContact": [A, A, F, F, F, F, F, F],
  "call.manage": [A, A, F, F, F, F, F, F],
  "application.list": [A, A, F, F, F, F, F, F],
  "application.read": [A, A, F, F, N, F, F, F],
  "application.apply": [F, F, F, F, N, F, F, F],
  "application.review": [A, A, F, F, F, F, F, F],
  "application.export": [A, A, F, F, F, F, F, F],
  "user.manage": [A, F, F, F, F, F, F, F],
  "audit.read": [A, F, F, F, F, F, F, F],
  "reference.read": [A, A, A, A, A, A, A, A],
  "stats.read": [A, A, A, A, A, A, A, A],
  "stats.recruitment": [A, A, F, F, F, A, A, F],
};

describe("the policy table", () => {
  it("decides every role × action as written", () => {
    const subject = { baseId: BASE, organizationId: OTHER_ORG };
    for (const action of ACTIONS) {
      ROLES.forEach((role, i) => {
        expect(decide(actor([role]), action, subject), `${role} ${action}`).toBe(EXPECTED[action][i]);
      });
    }
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

  it("scopes lists: base staff to their base, a city viewer to all, a member to its own", () => {
    expect(organizationScope(actor(["staff"]))).toEqual({ kind: "bases", baseIds: [BASE] });
    expect(organizationScope(actor(["community_liaison"]))).toEqual({ kind: "bases", baseIds: [BASE] });
    expect(organizationScope(actor(["government_viewer"]))).toEqual({ kind: "bases", baseIds: [BASE] });
    expect(organizationScope(actor(["government_viewer"], { crossBase: true }))).toEqual({
      kind: "bases",
      baseIds: "all",
    });
    expect(organizationScope(actor(["org_member"]))).toEqual({
      kind: "own",
      baseId: BASE,
      organizationId: OWN_ORG,
    });
  });

  it("scopes the figures: the base for staff and viewers, all bases for a city viewer, a liaison's town", () => {
    expect(figuresScope(actor(["staff"]))).toEqual({ kind: "bases", baseIds: [BASE] });
    expect(figuresScope(actor(["government_viewer"]))).toEqual({ kind: "bases", baseIds: [BASE] });
    expect(figuresScope(actor(["government_viewer"], { crossBase: true }))).toEqual({
      kind: "bases",
      baseIds: "all",
    });
    expect(figuresScope(actor(["community_liaison"], { townId: "town-1" }))).toEqual({
      kind: "town",
      baseId: BASE,
      townId: "town-1",
    });
    // No town set yet: a town scope that matches nothing, never the whole base.
    expect(figuresScope(actor(["community_liaison"]))).toEqual({ kind: "town", baseId: BASE, townId: null });
    expect(figuresScope(actor(["community_liaison", "government_viewer"]))).toEqual({
      kind: "bases",
      baseIds: [BASE],
    });
    for (const role of ["expert", "mentor", "partner", "org_member"] as const) {
      expect(figuresScope(actor([role]))).toBeNull();
    }
  });
});
