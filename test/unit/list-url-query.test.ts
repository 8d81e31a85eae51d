/**
 * The list kit's address-bar state, read and written with the server's own query schemas: what a
 * list page shows for a link is what the API answers for it, a bad parameter costs only itself,
 * and writing a state back gives the same state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES } from "../../src/domain/application";
import { ORGANIZATION_SORTS } from "../../src/domain/organization";
import { ZAuditQuery } from "../../src/schemas/platform/audit";
import { ZOrganizationQuery } from "../../src/schemas/platform/organizations";
import { ZUserQuery } from "../../src/schemas/platform/users";
import { ZCallQuery } from "../../src/schemas/recruitment/calls";
import { ZQueueQuery } from "../../src/schemas/recruitment/intake";
import { defaultQuery, nextQuery, parseQuery, queryParams } from "../../src/web/components/list/urlQuery";

const params = (search: string) => new URLSearchParams(search);

describe("reading the address bar", () => {
  it("gives every default for an empty address bar", () => {
    expect(defaultQuery(ZOrganizationQuery)).toEqual({
      page: 1,
      pageSize: 20,
      sort: "updatedAt",
      order: "desc",
    });
    expect(defaultQuery(ZQueueQuery)).toEqual({
      page: 1,
      pageSize: 20,
      sort: "statusChangedAt",
      order: "desc",
    });
  });

  it("reads lists and flags as the server does", () => {
    const state = parseQuery(
      ZQueueQuery,
      params("status=submitted,resubmitted&unread=true&q=%20助老%20&page=3"),
    );
    expect(state).toMatchObject({ status: ["submitted", "resubmitted"], unread: true, q: "助老", page: 3 });
    // The same parameters through the schema as the route parses them.
    expect(state).toEqual(
      ZQueueQuery.parse(
        Object.fromEntries(params("status=submitted,resubmitted&unread=true&q=%20助老%20&page=3")),
      ),
    );
  });

  it("drops only the parameter the schema refuses, keeping the others", () => {
    const state = parseQuery(
      ZOrganizationQuery,
      params("page=abc&pageSize=100000&sort=nonsense&order=up&residency=virtual&townId=not-a-uuid&q=%01x"),
    );
    expect(state).toEqual({ page: 1, pageSize: 20, sort: "updatedAt", order: "desc", residency: "virtual" });
    expect(parseQuery(ZQueueQuery, params("status=submitted,gone&track=combined"))).toEqual({
      ...defaultQuery(ZQueueQuery),
      track: "combined",
    });
  });

  it("ignores parameters the schema does not name", () => {
    expect(parseQuery(ZCallQuery, params("from=x&at=3&status=published"))).toEqual({
      page: 1,
      pageSize: 20,
      status: "published",
    });
  });
});

describe("writing the address bar", () => {
  it("leaves defaults out and joins lists", () => {
    const search = queryParams(ZQueueQuery, {
      ...defaultQuery(ZQueueQuery),
      status: ["submitted", "resubmitted"],
      unread: true,
      q: "",
    });
    expect(search.toString()).toBe("status=submitted%2Cresubmitted&unread=true");
    expect(queryParams(ZUserQuery, defaultQuery(ZUserQuery)).toString()).toBe("");
  });

  it("keeps what a state says: written and read back, it is the same state", () => {
    const organization = fc.record(
      {
        q: fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\p{L}\p{N} ]/gu, "").trim()),
        sort: fc.constantFrom(...ORGANIZATION_SORTS),
        order: fc.constantFrom("asc" as const, "desc" as const),
        page: fc.integer({ min: 1, max: 1_000_000 }),
        pageSize: fc.integer({ min: 1, max: 200 }),
        residency: fc.constantFrom("resident" as const, "virtual" as const, undefined),
      },
      { requiredKeys: ["sort", "order", "page", "pageSize"] },
    );
    fc.assert(
      fc.property(organization, (state) => {
        const read = parseQuery(ZOrganizationQuery, queryParams(ZOrganizationQuery, state));
        const expected = Object.fromEntries(
          Object.entries(state).filter(([, v]) => v !== undefined && v !== ""),
        );
        expect(read).toEqual(expected);
      }),
    );
    fc.assert(
      fc.property(fc.subarray([...APPLICATION_STATUSES]), fc.boolean(), (status, unread) => {
        const state = { ...defaultQuery(ZQueueQuery), status, unread };
        const read = parseQuery(ZQueueQuery, queryParams(ZQueueQuery, state));
        expect(read.status ?? []).toEqual(status);
        expect(read.unread).toBe(unread);
      }),
    );
  });

  it("keeps instants as the audit filter sends them", () => {
    const from = "2026-12-01T00:00:00.000Z";
    expect(parseQuery(ZAuditQuery, queryParams(ZAuditQuery, { page: 2, pageSize: 20, from }))).toEqual({
      page: 2,
      pageSize: 20,
      from,
    });
  });
});

describe("changing the state", () => {
  const state = { q: "a", page: 4, pageSize: 20 };

  it("goes back to the first page when the selection changes", () => {
    expect(nextQuery(state, { q: "b" })).toEqual({ q: "b", page: 1, pageSize: 20 });
    expect(nextQuery(state, { q: undefined })).toEqual({ q: undefined, page: 1, pageSize: 20 });
  });

  it("keeps the page when only paging, and a page asked for with a filter", () => {
    expect(nextQuery(state, { page: 5 })).toEqual({ q: "a", page: 5, pageSize: 20 });
    expect(nextQuery(state, { pageSize: 50 })).toEqual({ q: "a", page: 4, pageSize: 50 });
    expect(nextQuery(state, { q: "b", page: 2 })).toEqual({ q: "b", page: 2, pageSize: 20 });
  });
});
