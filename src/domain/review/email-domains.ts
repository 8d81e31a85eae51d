/**
 * Email domains as evidence of a tie: two people at the same organization's own domain
 * (@example-charity.org) are likely linked; two people at a public webmail service are not.
 * The list holds the webmail services common in China and abroad; a domain not on it counts.
 */
const PUBLIC_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  "qq.com",
  "vip.qq.com",
  "foxmail.com",
  "163.com",
  "126.com",
  "yeah.net",
  "vip.163.com",
  "vip.126.com",
  "188.com",
  "netease.com",
  "sina.com",
  "sina.cn",
  "vip.sina.com",
  "sohu.com",
  "139.com",
  "189.cn",
  "wo.cn",
  "aliyun.com",
  "tom.com",
  "21cn.com",
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "live.cn",
  "msn.com",
  "yahoo.com",
  "yahoo.com.cn",
  "icloud.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
]);

/** The lower-cased domain of an address, or null for no address. */
export function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return domain || null;
}

/** The domain when it says something about where a person works (not a public webmail). */
export function telltaleDomain(email: string | null | undefined): string | null {
  const domain = emailDomain(email);
  return domain && !PUBLIC_EMAIL_DOMAINS.has(domain) ? domain : null;
}
