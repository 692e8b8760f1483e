/**
 * DSSE pre-authentication encoding (https://github.com/secure-systems-lab/dsse/blob/master/protocol.md):
 *
 *   PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
 *
 * where LEN is the byte length as ASCII decimal without leading zeros and SP is one space (0x20).
 * The signature is over these bytes, never over the envelope's JSON, so the payload type is
 * authenticated too and no JSON canonicalization is needed.
 */
export function pae(payloadType: string, body: Uint8Array | string): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'ascii'),
    type,
    Buffer.from(` ${bytes.length} `, 'ascii'),
    bytes,
  ]);
}
