/** Link tokens: 32 random bytes in the link, only their SHA-256 in the database (like sessions). */
import { createHash, randomBytes } from "node:crypto";

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: tokenHash(token) };
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
