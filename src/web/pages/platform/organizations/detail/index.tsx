import { EditOutlined, HistoryOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, type DescriptionsProps, Skeleton, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { Organization } from "../../../../../schemas/platform/organizations";
import { useOrganization } from "../../../../api/platform/organizations";
import { useAccess } from "../../../../auth/session";
import { formatDate, formatDateTime } from "../../../../components/format";
import { FieldTags, RegistrationTag, ResidencyTag } from "../../../../components/labels";
import { ORGANIZATION_ATTR_KEYS, type OrganizationAttr } from "../../../../components/organizationLabels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { useIsMobile } from "../../../../components/useIsMobile";
import { Placements } from "../../../admission/decisions/Placements";
import { OrganizationIncubations } from "../../../incubation/incubations/components/IncubationHomeCards";
import { ContactPhone } from "./components/ContactPhone";

export default function OrganizationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const organization = useOrganization(id);

  if (organization.isError)
    return <QueryError error={organization.error} onRetry={() => void organization.refetch()} />;
  const org = organization.data;
  const isMine = !!org && org.id === access.myOrganizationId;

  return (
    <>
      <PageHeader
        title={org?.name ?? (isMine ? t("organization.mineTitle") : t("organization.detailTitle"))}
        subTitle={isMine ? t("organization.mineTitle") : undefined}
        backTo={access.organizationList ? "/organizations" : undefined}
        extra={
          org && (
            <Space wrap>
              {access.canReadGrowthFile(org) && (
                <Button
                  icon={<HistoryOutlined aria-hidden />}
                  onClick={() => navigate(`/organizations/${org.id}/growth`)}
                >
                  {t("growth.title")}
                </Button>
              )}
              {access.canEditOrganization(org) && (
                <Button
                  type="primary"
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => navigate(`/organizations/${org.id}/edit`)}
                >
                  {t("common.edit")}
                </Button>
              )}
            </Space>
          )
        }
      />
      {!org ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <Placements organizationId={org.id} />
          <OrganizationIncubations organizationId={org.id} />
          <Sections org={org} />
        </>
      )}
    </>
  );
}

function Sections({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const empty = t("common.empty");
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === "" ? empty : value;
  const label = (key: OrganizationAttr) => t(ORGANIZATION_ATTR_KEYS[key]);

  const sections: { key: string; title: string; items: DescriptionsProps["items"] }[] = [
    {
      key: "basic",
      title: t("organization.sections.basic"),
      items: [
        { key: "name", label: label("name"), children: org.name, span: 2 },
        {
          key: "registrationStatus",
          label: label("registrationStatus"),
          children: <RegistrationTag status={org.registrationStatus} />,
        },
        {
          key: "creditCode",
          label: label("creditCode"),
          children: <span style={{ fontFamily: "monospace" }}>{text(org.creditCode)}</span>,
        },
        { key: "foundedOn", label: label("foundedOn"), children: formatDate(org.foundedOn) },
        { key: "residency", label: label("residency"), children: <ResidencyTag residency={org.residency} /> },
        { key: "fields", label: label("fields"), children: <FieldTags fields={org.fields} />, span: 2 },
        { key: "hub", label: label("hubOrganizationId"), children: text(org.hubOrganizationName), span: 2 },
        {
          key: "description",
          label: label("description"),
          children: <span style={{ whiteSpace: "pre-wrap" }}>{text(org.description)}</span>,
          span: 2,
        },
        { key: "createdAt", label: label("createdAt"), children: formatDateTime(org.createdAt) },
        { key: "updatedAt", label: label("updatedAt"), children: formatDateTime(org.updatedAt) },
      ],
    },
    {
      key: "area",
      title: t("organization.sections.area"),
      items: [
        { key: "town", label: label("townId"), children: text(org.townName) },
        {
          key: "communities",
          label: label("communityIds"),
          children: org.communityNames.length ? org.communityNames.join(t("common.listSeparator")) : empty,
        },
        { key: "address", label: label("address"), children: text(org.address), span: 2 },
      ],
    },
    {
      key: "contact",
      title: t("organization.sections.contact"),
      items: [
        { key: "leader", label: label("leaderName"), children: text(org.leaderName) },
        { key: "contactName", label: label("contactName"), children: text(org.contactName) },
        { key: "contactPhone", label: label("contactPhone"), children: <ContactPhone org={org} />, span: 2 },
      ],
    },
    {
      key: "people",
      title: t("organization.sections.people"),
      items: [
        { key: "staff", label: label("staffCount"), children: text(org.staffCount) },
        { key: "volunteers", label: label("volunteerCount"), children: text(org.volunteerCount) },
        {
          key: "party",
          label: label("partyOrganization"),
          children: org.partyOrganization ? t("common.yes") : t("common.no"),
        },
        { key: "partyMembers", label: label("partyMemberCount"), children: text(org.partyMemberCount) },
      ],
    },
  ];

  return (
    <div style={{ display: "grid", gap: 16 }}>
      {sections.map((section) => (
        <Card
          key={section.key}
          title={<h2 className="hatchery-card-title">{section.title}</h2>}
          size={isMobile ? "small" : "medium"}
        >
          <Descriptions
            column={isMobile ? 1 : 2}
            bordered={!isMobile}
            size={isMobile ? "small" : "middle"}
            items={section.items}
            styles={{ label: { width: isMobile ? undefined : 180 } }}
          />
        </Card>
      ))}
    </div>
  );
}
