/**
 * Placeholder of the grant page (/funding/grants/:id), only so the reports tab can be reached
 * before the grant page's own work is merged: that page replaces this file and renders
 * <GrantReports grantId/> on its `?tab=reports`.
 */
import { useParams } from "react-router";
import { PageHeader } from "../../../../components/PageHeader";
import { GrantReports } from "../GrantReports";
import { GrantSpending } from "../GrantSpending";

export default function GrantPage() {
  const { id = "" } = useParams();
  return (
    <>
      <PageHeader title="资助" />
      <GrantReports grantId={id} />
      <GrantSpending grantId={id} />
    </>
  );
}
