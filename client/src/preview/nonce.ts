import { randomBytes } from 'node:crypto';

/** A CSP nonce: 192 bits from the system's cryptographic random source, as 32 base64url characters. */
export function nonce(): string {
  return randomBytes(24).toString('base64url');
}
