import { Select, type SelectProps } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useOrganizationSearch } from "../api/platform/organizations";

interface Props extends Omit<SelectProps<string>, "options" | "showSearch" | "filterOption"> {
  /** The organization already chosen, so its name shows before any search. */
  current?: { id: string; name: string } | null;
}

/** Picks an organization by typing part of its name or credit code (searched on the server). */
export function OrganizationSelect({ current, ...props }: Props) {
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useOrganizationSearch(q);

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
