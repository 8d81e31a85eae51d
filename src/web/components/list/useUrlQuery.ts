import { useCallback, useMemo } from "react";
import { useLocation, useSearchParams } from "react-router";
import type { z } from "zod";
import { nextQuery, parseQuery, type QuerySchema, queryParams } from "./urlQuery";

/**
 * A list page's state, kept in the address bar (so a filtered page can be bookmarked, shared,
 * linked to from the home page and restored by the back button) and read with the server's own
 * query schema. `state` is what the API takes as its query; `update` applies a change (a new
 * filter or order goes back to page 1); `search` is the address bar's query string, for links
 * that return to this very list.
 */
export function useUrlQuery<S extends QuerySchema>(schema: S) {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const state = useMemo(() => parseQuery(schema, params), [schema, params]);

  // From the address bar as it is when the change is made, not as some render saw it: a control
  // that keeps an old callback (antd's table sorter does) must not undo a newer filter. (The
  // router's functional update would not do: it gets the parameters of the render it came from.)
  const update = useCallback(
    (patch: Partial<z.output<S>>) => {
      const current = parseQuery(schema, new URLSearchParams(window.location.search));
      setParams(queryParams(schema, nextQuery(current, patch)));
    },
    [schema, setParams],
  );

  // As the address bar has it (a link typed with `status=a,b` keeps its commas).
  return { state, update, search: location.search.replace(/^\?/, "") };
}
