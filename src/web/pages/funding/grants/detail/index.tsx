/**
 * A stand-in for the grant page (/funding/grants/:id) until the grants work brings the real one
 * with its tabs: it shows the 支出 tab (and the reports tab, still empty), so the spending pages
 * can be reached and tested.
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
      <GrantSpending grantId={id} />
      <GrantReports grantId={id} />
    </>
  );
}
