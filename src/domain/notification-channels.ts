/**
 * Which channels carry a user's notices. The bell always does. Email and SMS follow the user's
 * saved choice, or a default until they save one: email when the account has an address; SMS
 * when the user proved the mobile is theirs with a phone code (applicants registering, who mostly
 * have no email and would otherwise hear nothing until they open the app). A channel without an
 * address carries nothing whatever was saved.
 */
export interface StoredChoice {
  email: boolean;
  sms: boolean;
}

export interface Reachability {
  hasEmail: boolean;
  hasMobile: boolean;
  mobileConfirmed: boolean;
}

export function defaultChannels(r: Reachability): StoredChoice {
  return { email: r.hasEmail, sms: r.hasMobile && r.mobileConfirmed };
}

export function effectiveChannels(stored: StoredChoice | null, r: Reachability): StoredChoice {
  const choice = stored ?? defaultChannels(r);
  return { email: choice.email && r.hasEmail, sms: choice.sms && r.hasMobile };
}
