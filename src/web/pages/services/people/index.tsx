/**
 * 人员: the base's individuals (people without an organization: trainees, the public) with what
 * their trainings add up to; keyword, has trainings, has series progress, source; sorted and
 * paged by the server; the filtered list as .xlsx; adding a person.
 */
import { DownloadOutlined, UserAddOutlined } from "@ant-design/icons";
import { App, Button, Input, Select, Space, type TableProps, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PERSON_SORTS, type PersonSort } from "../../../../domain/services/people";
import { type PersonListState, type PersonRow, ZPersonQuery } from "../../../../schemas/services/people";
import { downloadPeople, usePeople } from "../../../api/services/people";
import { CardFacts } from "../../../components/CardList";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { FilterBar } from "../../../components/list/FilterBar";
import { ListResults } from "../../../components/list/ListResults";
import { useUrlQuery } from "../../../components/list/useUrlQuery";
import { PageHeader } from "../../../components/PageHeader";
import { errorMessage } from "../../../components/serverErrors";
import { AddPersonDialog } from "./AddPersonDialog";
import { hours, SourceTag } from "./labels";

type Filters = Omit<PersonListState, "page" | "pageSize" | "sort" | "order">;

const SORT_LABEL = {
  created: "people.sortCreated",
  name: "people.sortName",
  trainings: "people.sortTrainings",
  minutes: "people.sortMinutes",
} as const satisfies Record<PersonSort, string>;

export default function PeopleListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { state, update } = useUrlQuery(ZPersonQuery);
  const list = usePeople(state);
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = state;
  const has = [
    { value: "yes", label: t("people.yes") },
    { value: "no", label: t("people.no") },
  ];

  const exportList = async () => {
    setExporting(true);
    try {
      await downloadPeople(state);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t("people.title")}
        subTitle={t("people.subTitle")}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={exporting}
              onClick={() => void exportList()}
            >
              {t("people.export")}
            </Button>
            <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setAdding(true)}>
              {t("people.add")}
            </Button>
          </Space>
        }
      />
      <FilterBar<Filters>
        name="peopleFilters"
        label={t("organization.filter.label")}
        value={filters}
        onSearch={update}
        fields={[
          {
            name: "q",
            label: t("people.keyword"),
            primary: true,
            control: <Input allowClear placeholder={t("people.keywordPlaceholder")} maxLength={50} />,
          },
          {
            name: "trainings",
            label: t("people.hasTrainings"),
            control: <Select allowClear placeholder={t("people.any")} options={has} />,
          },
          {
            name: "series",
            label: t("people.hasSeries"),
            control: <Select allowClear placeholder={t("people.any")} options={has} />,
          },
          {
            name: "source",
            label: t("people.source"),
            control: (
              <Select
                allowClear
                placeholder={t("people.any")}
                options={[
                  { value: "registration", label: t("people.sourceRegistration") },
                  { value: "staff", label: t("people.sourceStaff") },
                ]}
              />
            ),
          },
        ]}
      />
      <ListResults
        result={list}
        state={state}
        onChange={update}
        columns={useColumns()}
        renderCard={(person) => <PersonCard person={person} />}
        sort={{ keys: PERSON_SORTS, fallback: "created", label: (key) => t(SORT_LABEL[key]) }}
        empty={t("people.empty")}
      />
      <AddPersonDialog open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function NameCell({ person }: { person: PersonRow }) {
  const { t } = useTranslation();
  const sub = [person.workUnit, person.jobTitle].filter(Boolean).join(" · ");
  return (
    <Space orientation="vertical" size={0}>
      <Link to={`/people/${person.id}`} style={{ fontWeight: 500 }}>
        {person.displayName}
      </Link>
      {sub && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      )}
      {person.status === "disabled" && <ToneTag tone="red">{t("people.disabled")}</ToneTag>}
    </Space>
  );
}

function useColumns(): NonNullable<TableProps<PersonRow>["columns"]> {
  const { t } = useTranslation();
  return [
    { key: "name", title: t("people.name"), render: (_, p) => <NameCell person={p} /> },
    { key: "mobile", title: t("people.mobile"), width: 130, render: (_, p) => p.mobile ?? "—" },
    {
      key: "source",
      title: t("people.source"),
      width: 120,
      render: (_, p) => <SourceTag source={p.source} />,
    },
    {
      key: "trainings",
      title: t("people.trainings"),
      width: 150,
      render: (_, p) => t("people.trainingCounts", { trainings: p.trainings, attended: p.attended }),
    },
    {
      key: "minutes",
      title: t("people.hours"),
      width: 100,
      render: (_, p) => t("people.hoursValue", { hours: hours(p.minutes) }),
    },
    { key: "series", title: t("people.series"), width: 70, render: (_, p) => p.series },
    {
      key: "created",
      title: t("people.createdAt"),
      width: 160,
      render: (_, p) => formatDateTime(p.createdAt),
    },
  ];
}

function PersonCard({ person }: { person: PersonRow }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: "grid", gap: 6 }}>
      <Space size={8} wrap>
        <NameCell person={person} />
        <SourceTag source={person.source} />
      </Space>
      <CardFacts
        facts={[
          [t("people.mobile"), person.mobile ?? "—"],
          [
            t("people.trainings"),
            t("people.trainingCounts", { trainings: person.trainings, attended: person.attended }),
          ],
          [t("people.hours"), t("people.hoursValue", { hours: hours(person.minutes) })],
          [t("people.createdAt"), formatDateTime(person.createdAt)],
        ]}
      />
    </div>
  );
}
