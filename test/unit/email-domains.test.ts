import { describe, expect, it } from "vitest";
import { emailDomain, telltaleDomain } from "../../src/domain/review/email-domains";

describe("email domains as evidence of a tie", () => {
  it("reads the domain, lower-cased, after the last @", () => {
    expect(emailDomain("Li.Wei@Helping-Hands.ORG.cn")).toBe("helping-hands.org.cn");
    expect(emailDomain('"a@b"@c.com')).toBe("c.com");
    expect(emailDomain(null)).toBeNull();
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(emailDomain("trailing@")).toBeNull();
  });

  it("counts an organization's own domain, never a public webmail", () => {
    expect(telltaleDomain("wang@helping-hands.org.cn")).toBe("helping-hands.org.cn");
    for (const webmail of [
      "qq.com",
      "163.com",
      "126.com",
      "sina.com",
      "gmail.com",
      "outlook.com",
      "hotmail.com",
      "foxmail.com",
      "yeah.net",
      "139.com",
      "aliyun.com",
      "icloud.com",
      "sohu.com",
    ]) {
      expect(telltaleDomain(`someone@${webmail.toUpperCase()}`), webmail).toBeNull();
    }
    expect(telltaleDomain(undefined)).toBeNull();
  });
});
