/** The grant page's 进展报告 (progress reports) tab: filled in by the reports work. */
export function GrantReports(_props: { grantId: string }) {
  return null;
}
