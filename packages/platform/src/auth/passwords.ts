import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm) with its default cost; seeds and admin tools hash with this too. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the username does not exist, so a miss costs as long as a wrong password
// and the answer's timing does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => {
  decoyHash ??= hashPassword('urbangrid-decoy-password-never-matches');
  return decoyHash;
};

/**
 * True when `password` matches `passwordHash`. With no hash (unknown user) it still runs one
 * argon2 verification and answers false.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    await verify(await decoy(), password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a wrong password, not a 500.
    return false;
  }
}

/** Computes the decoy hash ahead of the first failed login (called at start-up). */
export async function warmUpPasswordDecoy(): Promise<void> {
  await decoy();
}
