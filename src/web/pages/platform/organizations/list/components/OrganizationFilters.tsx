import { Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { REGISTRATION_STATUSES, RESIDENCIES } from "../../../../../../domain/organization";
import type { OrganizationListState } from "../../../../../../schemas/platform/organizations";
import { FilterBar } from "../../../../../components/list/FilterBar";
import { FieldFilter, TownFilter } from "../../../../../components/list/filterControls";

export type OrganizationFilterValue = Pick<
  OrganizationListState,
  "q" | "field" | "townId" | "registrationStatus" | "residency"
>;

/** Keyword first; on a phone the field, town, registration and residency fold under 更多筛选. */
export function OrganizationFilters(props: {
  value: OrganizationFilterValue;
  onSearch: (filters: OrganizationFilterValue) => void;
}) {
  const { t } = useTranslation();
  const any = t("organization.filter.any");
  return (
    <FilterBar<OrganizationFilterValue>
      name="organizationFilters"
      label={t("organization.filter.label")}
      value={props.value}
      onSearch={props.onSearch}
      fields={[
        {
          name: "q",
          label: t("organization.filter.q"),
          primary: true,
          col: { xs: 24, sm: 12, lg: 8, xl: 4, xxl: 5 },
          control: <Input allowClear placeholder={t("organization.filter.qPlaceholder")} maxLength={100} />,
        },
        {
          name: "field",
          label: t("organization.filter.field"),
          control: <FieldFilter placeholder={any} />,
        },
        {
          name: "townId",
          label: t("organization.filter.townId"),
          control: <TownFilter placeholder={any} />,
        },
        {
          name: "registrationStatus",
          label: t("organization.filter.registrationStatus"),
          control: (
            <Select
              allowClear
              placeholder={any}
              options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registrationStatus.${s}`) }))}
            />
          ),
        },
        {
          name: "residency",
          label: t("organization.filter.residency"),
          col: { xs: 12, sm: 12, lg: 8, xl: 3 },
          control: (
            <Select
              allowClear
              placeholder={any}
              options={RESIDENCIES.map((r) => ({ value: r, label: t(`residency.${r}`) }))}
            />
          ),
        },
      ]}
    />
  );
}
