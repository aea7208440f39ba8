import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm) with OWASP's second recommended profile: m=19 MiB, t=2, p=1. */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // malformed hash: never a match
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal valid usernames. */
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-0'));
