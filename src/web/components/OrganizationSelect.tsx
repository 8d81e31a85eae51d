import { Select, type SelectProps } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useOrganizationSearch } from "../api/platform/organizations";

interface Props extends Omit<SelectProps<string>, "options" | "showSearch" | "filterOption"> {
  /** The organization already chosen, so its name shows before any search. */
  current?: { id: string; name: string } | null;
}

/** The server search behind both pickers: what is typed, settled for 300 ms. */
function useTypedSearch() {
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  return { search: useOrganizationSearch(q), setTyped };
}

/** Picks an organization by typing part of its name or credit code (searched on the server). */
export function OrganizationSelect({ current, ...props }: Props) {
  const { search, setTyped } = useTypedSearch();

  const options = useMemo(() => {
    const found = (search.data?.items ?? []).map((org) => ({ value: org.id, label: org.name }));
    if (current && !found.some((option) => option.value === current.id)) {
      found.unshift({ value: current.id, label: current.name });
    }
    return found;
  }, [search.data, current]);

  return (
    <Select<string>
      {...props}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      options={options}
    />
  );
}

type MultiProps = Omit<SelectProps<string[]>, "options" | "showSearch" | "filterOption" | "mode">;

/**
 * Picks several organizations, searching as the single picker does. The names of those chosen
 * are remembered, so a chosen one keeps its name when the next search no longer finds it.
 */
export function OrganizationMultiSelect(props: MultiProps) {
  const { search, setTyped } = useTypedSearch();
  const names = useRef(new Map<string, string>());
  for (const org of search.data?.items ?? []) names.current.set(org.id, org.name);

  const options = useMemo(() => {
    const found = (search.data?.items ?? []).map((org) => ({ value: org.id, label: org.name }));
    for (const id of props.value ?? []) {
      if (!found.some((o) => o.value === id)) found.push({ value: id, label: names.current.get(id) ?? id });
    }
    return found;
  }, [search.data, props.value]);

  return (
    <Select<string[]>
      {...props}
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      options={options}
    />
  );
}
