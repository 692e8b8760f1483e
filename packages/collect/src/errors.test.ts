import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { KubeError, parseStatusBody, toResourceError } from './errors.js';

const status = (code: number, reason: string, message: string): string =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message });

describe('error translation (the one place that reads API error bodies)', () => {
  it('reads the Status in the raw body text of an ApiException', () => {
    const err = new ApiException(
      403,
      'HTTP 403',
      status(403, 'Forbidden', 'pods is forbidden: User "x" cannot list resource "pods"'),
      {},
    );
    expect(toResourceError(err)).toEqual({
      code: 403,
      reason: 'Forbidden',
      message: 'pods is forbidden: User "x" cannot list resource "pods"',
    });
  });

  it('falls back to the standard reason when the body is not a Status', () => {
    expect(toResourceError(new ApiException(410, 'x', '', {}))).toEqual({
      code: 410,
      reason: 'Expired',
      message: 'the API server answered HTTP 410',
    });
    expect(toResourceError(new ApiException(502, 'x', '<html>\nBad gateway\n</html>', {}))).toEqual({
      code: 502,
      reason: 'BadGateway',
      message: '<html> Bad gateway </html>',
    });
    expect(toResourceError(new ApiException(599, 'x', undefined, {})).reason).toBe('InternalError');
  });

  it('accepts an already parsed body', () => {
    expect(parseStatusBody({ reason: 'NotFound', message: 'gone' })).toEqual({
      reason: 'NotFound',
      message: 'gone',
    });
    expect(parseStatusBody('')).toEqual({});
  });

  it('maps transport errors to code 0', () => {
    const refused = Object.assign(
      new Error('request to https://127.0.0.1:1/version failed, reason: connect ECONNREFUSED'),
      {
        name: 'FetchError',
        code: 'ECONNREFUSED',
      },
    );
    expect(toResourceError(refused)).toMatchObject({ code: 0, reason: 'Unreachable' });
    expect(toResourceError(refused).message).toContain('ECONNREFUSED');
    const timeout = Object.assign(new Error('the request timed out after 10 ms'), { name: 'TimeoutError' });
    expect(toResourceError(timeout)).toEqual({
      code: 0,
      reason: 'Timeout',
      message: 'the request timed out',
    });
  });

  it('KubeError is one line with an exit code', () => {
    const err = KubeError.unreachable('cannot reach\nthe server');
    expect(err.message).toBe('cannot reach the server');
    expect(err.exitCode).toBe(4);
    expect(KubeError.badInput('x').exitCode).toBe(3);
  });
});
