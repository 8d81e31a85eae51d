import { describe, expect, it } from "vitest";
import { defaultChannels, effectiveChannels } from "../../src/domain/notification-channels";

const applicant = { hasEmail: false, hasMobile: true, mobileConfirmed: true };
const staff = { hasEmail: true, hasMobile: true, mobileConfirmed: false };

describe("notification channels", () => {
  it("default to SMS only for a proven mobile, and to email where there is an address", () => {
    expect(defaultChannels(applicant)).toEqual({ email: false, sms: true });
    expect(defaultChannels(staff)).toEqual({ email: true, sms: false });
    expect(defaultChannels({ hasEmail: false, hasMobile: false, mobileConfirmed: true })).toEqual({
      email: false,
      sms: false,
    });
  });

  it("follow a saved choice, but carry nothing without an address", () => {
    expect(effectiveChannels({ email: false, sms: false }, applicant)).toEqual({ email: false, sms: false });
    expect(effectiveChannels({ email: true, sms: true }, staff)).toEqual({ email: true, sms: true });
    expect(effectiveChannels({ email: true, sms: true }, { ...applicant, hasMobile: false })).toEqual({
      email: false,
      sms: false,
    });
    expect(effectiveChannels(null, applicant)).toEqual(defaultChannels(applicant));
  });
});
