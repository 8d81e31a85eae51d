/** Picks a staff member or administrator of the base (the person responsible for an incubation). */
import { Select, type SelectProps } from "antd";
import { useInspectorCandidates } from "../../../../api/admission/inspections";

export function StaffSelect(props: Omit<SelectProps<string | null>, "options">) {
  const people = useInspectorCandidates();
  const options = (people.data ?? [])
    .filter((p) => p.roles.includes("staff") || p.roles.includes("admin"))
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <Select<string | null>
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      {...props}
      options={options}
    />
  );
}
