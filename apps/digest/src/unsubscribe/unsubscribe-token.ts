import { createHmac, timingSafeEqual } from "node:crypto";

/** Characters of the token's signature: 132 bits of HMAC-SHA256. */
const MAC_LENGTH = 22;

/** What a valid token says: whose unsubscribe from which digest. */
export interface UnsubscribeClaim {
  digest: string;
  /** The address, lower-cased. */
  address: string;
}

function macOf(secret: string, payload: string): string {
  return createHmac("sha256", secret)
    .update(`unsubscribe\n${payload}`)
    .digest("base64url")
    .slice(0, MAC_LENGTH);
}

function assertSecret(secret: string): void {
  // Tokens are always signed by the owner's secret: a short or empty one could be guessed.
  if (secret.length < 16)
    throw new Error("unsubscribe tokens need a secret of at least 16 characters");
}

/**
 * A recipient's unsubscribe token: the digest and address (base64url), then their HMAC under the
 * owner's secret. It names whom it unsubscribes, so `serve` checks it with one HMAC, and only
 * the secret's holder can make one.
 */
export function unsubscribeToken(secret: string, digest: string, address: string): string {
  assertSecret(secret);
  const payload = Buffer.from(`${digest}\n${address.toLowerCase()}`).toString("base64url");
  return `${payload}.${macOf(secret, payload)}`;
}

/** The claim of a token signed by `secret`, checked in constant time; null when forged or altered. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  assertSecret(secret);
  const match = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return null;
  const [, payload, mac] = match as unknown as [string, string, string];
  const expected = Buffer.from(macOf(secret, payload));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [digest, address, extra] = Buffer.from(payload, "base64url").toString("utf8").split("\n");
  if (!digest || !address || extra !== undefined) return null;
  return { digest, address };
}
