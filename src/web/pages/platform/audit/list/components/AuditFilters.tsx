import { DatePicker, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditListState } from "../../../../../../schemas/platform/audit";
import { useUserSearch } from "../../../../../api/platform/users";
import { FilterBar } from "../../../../../components/list/FilterBar";
import { useActionOptions, useEntityOptions } from "../labels";

type Range = [Dayjs | null, Dayjs | null] | null;

export type AuditFilterValue = Omit<AuditListState, "page" | "pageSize">;

/** Who, what, which record and when; the range is kept in the address bar as instants. */
export function AuditFilters(props: {
  value: AuditFilterValue;
  onSearch: (filters: AuditFilterValue) => void;
}) {
  const { value, onSearch } = props;
  const { t } = useTranslation();
  const actionOptions = useActionOptions();
  const entityOptions = useEntityOptions();
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const [actorOpen, setActorOpen] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  // Also when the address bar names an actor, so the select shows a name rather than an id.
  const users = useUserSearch(q, actorOpen || q !== "" || !!value.actorId);

  return (
    <FilterBar<AuditFilterValue>
      name="auditFilters"
      label={t("organization.filter.label")}
      value={value}
      onSearch={onSearch}
      // The address bar holds instants; the range picker works in dayjs.
      toValues={({ from, to, ...rest }) => ({
        ...rest,
        range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined,
      })}
      fromValues={({ range, ...rest }) => {
        const [from, to] = (range as Range) ?? [];
        return { ...rest, from: from?.toISOString(), to: to?.toISOString() } as AuditFilterValue;
      }}
      fields={[
        {
          name: "actorId",
          label: t("audit.filter.actor"),
          primary: true,
          col: { xs: 24, sm: 12, lg: 5 },
          control: (
            <Select
              allowClear
              placeholder={t("audit.filter.actorPlaceholder")}
              showSearch={{ filterOption: false, onSearch: setTyped }}
              onOpenChange={setActorOpen}
              loading={users.isFetching}
              options={(users.data?.items ?? []).map((u) => ({
                value: u.id,
                label: `${u.displayName}(${u.username})`,
              }))}
            />
          ),
        },
        {
          name: "action",
          label: t("audit.filter.action"),
          primary: true,
          col: { xs: 24, sm: 12, lg: 4 },
          control: (
            <Select
              allowClear
              placeholder={t("organization.filter.any")}
              showSearch={{ optionFilterProp: "label" }}
              options={actionOptions}
            />
          ),
        },
        {
          name: "entityType",
          label: t("audit.filter.entityType"),
          col: { xs: 12, sm: 12, lg: 3 },
          control: <Select allowClear placeholder={t("organization.filter.any")} options={entityOptions} />,
        },
        {
          name: "entityId",
          label: t("audit.filter.entityId"),
          col: { xs: 12, sm: 12, lg: 4 },
          control: <Input allowClear maxLength={64} />,
        },
        {
          name: "range",
          label: t("audit.filter.range"),
          col: { xs: 24, sm: 24, lg: 8 },
          control: (
            <DatePicker.RangePicker
              showTime={{ format: "HH:mm" }}
              format="YYYY-MM-DD HH:mm"
              allowEmpty={[true, true]}
              placeholder={[t("audit.filter.rangeStart"), t("audit.filter.rangeEnd")]}
              style={{ width: "100%" }}
            />
          ),
        },
      ]}
    />
  );
}
