import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Organization } from "../../../../../../schemas/platform/organizations";
import { CardFacts } from "../../../../../components/CardList";
import { formatDateTime } from "../../../../../components/format";
import { FieldTags, RegistrationTag, ResidencyTag } from "../../../../../components/labels";

/** At phone width a wide table is hard to read: one compact card per organization instead. */
export function OrganizationCard({ org }: { org: Organization }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/organizations/${org.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
        {org.name}
      </Link>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 4, margin: "8px 0" }}>
        <RegistrationTag status={org.registrationStatus} />
        <ResidencyTag residency={org.residency} />
      </div>
      <CardFacts
        facts={[
          [t("organization.column.town"), org.townName ?? t("common.empty")],
          [t("organization.column.fields"), <FieldTags key="fields" fields={org.fields} />],
          [
            t("organization.attr.contactName"),
            [org.contactName, org.contactPhone].filter(Boolean).join(" ") || t("common.empty"),
          ],
          [t("organization.column.updatedAt"), formatDateTime(org.updatedAt)],
        ]}
      />
    </>
  );
}
