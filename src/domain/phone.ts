/** Mainland China mobile numbers: 11 digits, starting 13-19. */
const MOBILE = /^1[3-9]\d{9}$/;

export function normalizeMobile(input: string): string {
  // People paste numbers as "+86 138-0013-8000"; keep the 11 digits that matter.
  const digits = input.replace(/[\s-]/g, "").replace(/^(\+?86)/, "");
  return digits;
}

export function isValidMobile(input: string): boolean {
  return MOBILE.test(normalizeMobile(input));
}

/** 138****8000: lists and exports show only the first three and the last four digits. */
export function maskMobile(mobile: string | null | undefined): string | null {
  if (!mobile) return mobile ?? null;
  if (mobile.length < 7) return "*".repeat(mobile.length);
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** The masked form lists and detail pages show; a form that sends it back means "unchanged". */
export function isMaskedMobile(input: string): boolean {
  return /^1\d{2}\*{4}\d{4}$/.test(input.trim());
}
