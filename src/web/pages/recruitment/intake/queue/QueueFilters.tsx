import { Checkbox, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { APPLICATION_STATUSES } from "../../../../../domain/application";
import { TRACKS } from "../../../../../domain/call";
import type { QueueListState } from "../../../../../schemas/recruitment/intake";
import { useCallList } from "../../../../api/recruitment/calls";
import { FilterBar } from "../../../../components/list/FilterBar";
import { FieldFilter, TownFilter } from "../../../../components/list/filterControls";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";

export type QueueFilterValue = Omit<QueueListState, "sort" | "order" | "page" | "pageSize">;

const WIDE = { xs: 24, sm: 12, lg: 8, xl: 6 };

/** The queue's filters; on a phone only name and status show until 更多筛选. */
export function QueueFilters(props: {
  value: QueueFilterValue;
  onSearch: (filters: QueueFilterValue) => void;
}) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const calls = useCallList({ pageSize: 100 });
  const any = t("intake.filter.any");
  return (
    <FilterBar<QueueFilterValue>
      name="queueFilters"
      label={t("intake.filter.label")}
      value={props.value}
      empty={{ status: [], unread: false }}
      // An unticked "unread only" is no filter at all, not `unread=false` in the address bar.
      fromValues={(values) =>
        ({ ...values, unread: values.unread === true || undefined }) as QueueFilterValue
      }
      onSearch={props.onSearch}
      fields={[
        {
          name: "q",
          label: t("intake.filter.q"),
          primary: true,
          control: <Input allowClear placeholder={t("intake.filter.qPlaceholder")} maxLength={100} />,
        },
        {
          name: "status",
          label: t("intake.filter.status"),
          primary: true,
          col: WIDE,
          control: (
            <Select
              mode="multiple"
              allowClear
              placeholder={t("intake.filter.statusDefault")}
              options={APPLICATION_STATUSES.map((s) => ({ value: s, label: labels.applicationStatus[s] }))}
            />
          ),
        },
        {
          name: "callId",
          label: t("intake.filter.call"),
          col: WIDE,
          control: (
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder={any}
              loading={calls.isPending}
              options={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            />
          ),
        },
        {
          name: "track",
          label: t("intake.filter.track"),
          col: { xs: 12, sm: 12, lg: 8, xl: 6 },
          control: (
            <Select
              allowClear
              placeholder={any}
              options={TRACKS.map((k) => ({ value: k, label: labels.track[k] }))}
            />
          ),
        },
        {
          name: "townId",
          label: t("intake.filter.town"),
          control: <TownFilter placeholder={any} />,
        },
        {
          name: "field",
          label: t("intake.filter.field"),
          control: <FieldFilter placeholder={any} />,
        },
        {
          name: "completeness",
          label: t("intake.filter.completeness"),
          control: (
            <Select
              allowClear
              placeholder={any}
              options={[
                { value: "complete", label: t("intake.filter.complete") },
                { value: "incomplete", label: t("intake.filter.incomplete") },
              ]}
            />
          ),
        },
        {
          name: "unread",
          label: t("intake.filter.unreadLabel"),
          valuePropName: "checked",
          control: <Checkbox>{t("intake.filter.unread")}</Checkbox>,
        },
      ]}
    />
  );
}
