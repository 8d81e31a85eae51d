/** The grant page's 支出 (spending) tab: filled in by the spending work. */
export function GrantSpending(_props: { grantId: string }) {
  return null;
}
