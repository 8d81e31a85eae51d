/** The organization profile summary and the documents section of the form page. */
import { EditOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { formatDate } from "../../../../components/format";
import { RegistrationTag } from "../../../../components/labels";
import { ORGANIZATION_ATTR_KEYS } from "../../../../components/organizationLabels";
import { useIsMobile } from "../../../../components/useIsMobile";
import { profileEditLink } from "../components/problems";
import { DocumentUpload } from "./DocumentUpload";
import { flagsOf } from "./flags";
import { VerdictNote, VerdictTag } from "./Verdict";

export function ProfileSummary({
  detail,
  editable,
  narrow = false,
}: {
  detail: ApplicationDetail;
  editable: boolean;
  /** In a side column: one field per row. */
  narrow?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const org = detail.organization;
  const empty = t("common.empty");
  const text = (v: string | number | null) => (v === null || v === "" ? empty : v);
  return (
    <Card
      id="section-profile"
      tabIndex={-1}
      title={<h2 className="hatchery-card-title">{t("applications.sections.profile")}</h2>}
      extra={
        editable && (
          <Button
            size={isMobile ? "middle" : "small"}
            style={isMobile ? { minHeight: 40 } : undefined}
            icon={<EditOutlined aria-hidden />}
            onClick={() => navigate(profileEditLink(detail))}
          >
            {t("applications.editProfile")}
          </Button>
        )
      }
    >
      {editable && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t("applications.profileHint")}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={isMobile || narrow ? 1 : 2}
        items={[
          {
            key: "name",
            label: t(ORGANIZATION_ATTR_KEYS.name),
            children: org.name,
            span: isMobile || narrow ? 1 : 2,
          },
          {
            key: "reg",
            label: t(ORGANIZATION_ATTR_KEYS.registrationStatus),
            children: <RegistrationTag status={org.registrationStatus} />,
          },
          { key: "founded", label: t(ORGANIZATION_ATTR_KEYS.foundedOn), children: formatDate(org.foundedOn) },
          { key: "credit", label: t(ORGANIZATION_ATTR_KEYS.creditCode), children: text(org.creditCode) },
          { key: "town", label: t(ORGANIZATION_ATTR_KEYS.townId), children: text(org.townName) },
          { key: "contact", label: t(ORGANIZATION_ATTR_KEYS.contactName), children: text(org.contactName) },
          { key: "phone", label: t(ORGANIZATION_ATTR_KEYS.contactPhone), children: text(org.contactPhone) },
        ]}
      />
    </Card>
  );
}

export function DocumentsSection({ detail, editable }: { detail: ApplicationDetail; editable: boolean }) {
  const { t } = useTranslation();
  const requirements = detail.requirements.documents;
  if (requirements.length === 0) return null;
  const flags = flagsOf(detail);
  return (
    <Card
      id="section-documents"
      title={<h2 className="hatchery-card-title">{t("applications.sections.documents")}</h2>}
    >
      <Flex vertical gap={20}>
        {requirements.map((r) => {
          const flag = flags.find((f) => f.key === r.key);
          return (
            <section key={r.key} id={`doc-${r.key}`} tabIndex={-1} aria-labelledby={`doc-${r.key}-label`}>
              <Flex wrap gap={6} align="center" style={{ marginBottom: 6 }}>
                <h3 id={`doc-${r.key}-label`} style={{ margin: 0, fontSize: 15, fontWeight: 600 }}>
                  {r.label}
                </h3>
                {r.required ? (
                  <Tag color="red">{t("applications.requiredDoc")}</Tag>
                ) : (
                  <Tag>{t("applications.optionalDoc")}</Tag>
                )}
                <VerdictTag flag={flag} />
              </Flex>
              {r.description && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
                  {r.description}
                </Typography.Paragraph>
              )}
              <VerdictNote flag={flag} />
              <DocumentUpload
                applicationId={detail.id}
                requirementKey={r.key}
                documents={detail.documents}
                replaced={detail.replacedDocuments}
                label={r.label}
                disabled={!editable}
              />
            </section>
          );
        })}
      </Flex>
    </Card>
  );
}
