import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { describeSchemaErrors, jsonPath } from './schema-error.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: { const: 'Application' },
    size: { type: 'string', pattern: '^[1-9][0-9]*Gi$', description: 'a size like 20Gi; whole Gi only' },
    check: { type: 'string', pattern: '^[a-z]+$', description: 'The check name.' },
    label: { type: 'string', minLength: 1 },
    verdict: { enum: ['compliant', 'not-compliant'] },
    name: {
      oneOf: [
        { type: 'string' },
        {
          type: 'object',
          required: ['en', 'nl'],
          properties: { en: { type: 'string' }, nl: { type: 'string' } },
        },
      ],
    },
    labels: { type: 'object', propertyNames: { pattern: '^[a-z.]+$' } },
    items: { type: 'array', items: { type: 'object', properties: { managedFields: false } } },
  },
};

const message = (verbose: boolean, value: Record<string, unknown>, at?: string): string => {
  const validate = new Ajv({ verbose, strict: true }).compile(schema);
  expect(validate(value)).toBe(false);
  return describeSchemaErrors(validate.errors, { document: value, ...(at ? { at } : {}) });
};

describe('jsonPath', () => {
  it('writes a pointer as the user would', () => {
    expect(jsonPath('/spec/components/1/storage/0/size')).toBe('spec.components[1].storage[0].size');
    expect(jsonPath('/resources/storageclasses.storage.k8s.io')).toBe(
      'resources["storageclasses.storage.k8s.io"]',
    );
    expect(jsonPath('/a~1b', 'c')).toBe('["a/b"].c');
    expect(jsonPath('')).toBe('(document)');
    expect(jsonPath('/verdict', undefined, 'payload.predicate')).toBe('payload.predicate.verdict');
  });
});

describe('describeSchemaErrors', () => {
  it.each([
    [{}, 'kind: is required'],
    [{ kind: 'App' }, 'kind: must be "Application" (got "App")'],
    [{ kind: 'Application', extra: 1 }, 'extra: is not a known field'],
    [{ kind: 'Application', size: '20GB' }, 'size: must be a size like 20Gi (got "20GB")'],
    [{ kind: 'Application', check: 'Multi AZ' }, 'check: must match the pattern ^[a-z]+$ (got "Multi AZ")'],
    [{ kind: 'Application', label: '' }, 'label: must not be empty (got "")'],
    [
      { kind: 'Application', verdict: 'fine' },
      'verdict: must be one of "compliant", "not-compliant" (got "fine")',
    ],
    [{ kind: 'Application', name: { en: 'x' } }, 'name.nl: is required'],
    [{ kind: 'Application', name: 5 }, 'name: must be a string or an object (got 5)'],
    [
      { kind: 'Application', labels: { 'A-b': 'x' } },
      'labels["A-b"]: is not a valid name: must match the pattern ^[a-z.]+$',
    ],
    [{ kind: 'Application', items: [{ managedFields: [] }] }, 'items[0].managedFields: is not allowed'],
    [{ kind: 'Application', label: 7 }, 'label: must be a string (got 7)'],
  ])('describes %j in one line', (value, expected) => {
    expect(message(true, value)).toBe(expected);
  });

  it('reads the value from the document without verbose, and then names the pattern', () => {
    expect(message(false, { kind: 'Application', size: '20GB' })).toBe(
      'size: must match the pattern ^[1-9][0-9]*Gi$ (got "20GB")',
    );
  });

  it('prefixes where the document sits, keeps long values short and on one line', () => {
    expect(message(false, { kind: 'x' }, 'payload.predicate')).toBe(
      'payload.predicate.kind: must be "Application" (got "x")',
    );
    const long = message(true, { kind: 'Application', check: `A\n${'x'.repeat(200)}` });
    expect(long).not.toContain('\n');
    expect(long.length).toBeLessThan(160);
  });

  it('says something for no errors at all', () => {
    expect(describeSchemaErrors(undefined)).toBe('(document): is invalid');
  });
});
