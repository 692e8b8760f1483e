import { describe, expect, it } from 'vitest';
import { pae } from './pae.js';

describe('pae (DSSE pre-authentication encoding)', () => {
  it('encodes the DSSE spec example', () => {
    // protocol.md of secure-systems-lab/dsse: payloadType "http://example.com/HelloWorld" (29 bytes)
    // and payload "hello world" (11 bytes) give exactly these bytes.
    expect(pae('http://example.com/HelloWorld', 'hello world').toString('utf8')).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });

  it('counts bytes, not characters, and keeps the body byte for byte', () => {
    // "é" is 2 bytes in UTF-8, "€" is 3: 1 + 2 = 3 bytes for the type, 3 + 1 = 4 for the body.
    const body = Buffer.from([0xe2, 0x82, 0xac, 0x00]);
    const bytes = pae('aé', body);
    expect(bytes).toEqual(Buffer.concat([Buffer.from('DSSEv1 3 a\u00e9 4 ', 'utf8'), body]));
  });

  it('encodes an empty body as length 0 followed by the separating space', () => {
    expect(pae('t', '').toString('utf8')).toBe('DSSEv1 1 t 0 ');
  });
});
