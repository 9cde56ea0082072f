import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, UserActor } from '../auth/actor.js';
import {
  decryptPhone,
  encryptPhone,
  maskPhone,
  maySeeFullPhone,
  phoneFor,
  phoneSearchHash,
} from './phone.js';

const key = randomBytes(32);
const staff = (roles: UserActor['roles']): Actor => ({
  kind: 'user',
  id: 'u',
  username: 'u',
  displayName: 'U',
  roles,
  city: '1501',
  departmentId: null,
  areaCode: null,
  gridCodes: [],
});

describe('reporter phone numbers', () => {
  it('round-trip through AES-256-GCM, never in clear, never the same ciphertext twice', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (phone) => {
        const a = encryptPhone(key, phone);
        const b = encryptPhone(key, phone);
        expect(decryptPhone(key, a)).toBe(phone);
        expect(a).not.toBe(b);
        if (phone.length >= 4) expect(a).not.toContain(phone);
      }),
    );
  });

  it('refuse another key and any alteration', () => {
    const sealed = encryptPhone(key, '13812345678');
    expect(() => decryptPhone(randomBytes(32), sealed)).toThrow();
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decryptPhone(key, [v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => decryptPhone(key, '13812345678')).toThrow();
    expect(() => encryptPhone(Buffer.alloc(16), '1')).toThrow();
  });

  it('are masked as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('04711234567')).toBe('047****4567');
    expect(maskPhone('1234567')).toBe('12****67');
    expect(maskPhone('123')).toBe('****');
  });

  it('are shown in full to intake operators only', () => {
    const sealed = encryptPhone(key, '13812345678');
    expect(maySeeFullPhone(staff(['intake_operator']))).toBe(true);
    expect(phoneFor(staff(['intake_operator']), key, sealed)).toBe('13812345678');
    for (const role of ['dispatcher', 'shift_lead', 'department_handler', 'grid_officer', 'admin'] as const) {
      expect(phoneFor(staff([role]), key, sealed)).toBe('138****5678');
    }
    const integration: Actor = {
      kind: 'integration',
      keyId: 'k',
      name: 'n',
      city: '1501',
      scopes: [],
      source: 'hotline',
      rateLimitPerMinute: 10,
    };
    expect(phoneFor(integration, key, sealed)).toBe('138****5678');
    expect(phoneFor(staff(['intake_operator']), key, null)).toBeNull();
  });
});

describe('phoneSearchHash (the blind index operators search by)', () => {
  it('hashes one number alike however it is written, and nothing of it shows', () => {
    const hash = phoneSearchHash(key, '13812345678');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(phoneSearchHash(key, '+86 138-1234-5678')).toBe(hash);
    expect(phoneSearchHash(key, '138 1234 5678')).toBe(hash);
    expect(phoneSearchHash(key, '13812345679')).not.toBe(hash);
    // Another key (another installation) gives another hash: without the key it cannot be guessed.
    expect(phoneSearchHash(randomBytes(32), '13812345678')).not.toBe(hash);
    expect(phoneSearchHash(key, '12-3')).toBeNull();
  });
});
