import { Select, type SelectProps } from "antd";
import { useTowns } from "../../api/platform/reference";
import { useFieldOptions, useTownOptions } from "../options";

type FilterSelectProps = Omit<SelectProps<string>, "options">;

/** A filter's town: the base's towns grouped into 镇 and 街道, searchable by name. */
export function TownFilter(props: FilterSelectProps) {
  const towns = useTowns();
  const options = useTownOptions(towns.data);
  return (
    <Select
      {...props}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      options={options}
      loading={towns.isPending}
    />
  );
}

/** A filter's service field, the five good communities first. */
export function FieldFilter(props: FilterSelectProps) {
  return <Select {...props} allowClear options={useFieldOptions()} />;
}
