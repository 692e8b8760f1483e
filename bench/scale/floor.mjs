#!/usr/bin/env node
// The raw-transfer floor of the scale benchmark: the list requests `havenkit check` makes (the
// needs.resources of compliance/haven/v12/*.yaml as packages/collect/src/plan.ts merges them;
// nodes and pods at limit=500 with continue tokens), one after the other over ONE keep-alive
// HTTPS connection, with the headers havenkit sends (Accept: application/json,
// Accept-Encoding: gzip). No discovery, no access reviews: lists only.
//
//   node bench/scale/floor.mjs --server URL --ca FILE --cert FILE --key FILE --mode discard|parse
//
// discard: every body is read off the socket and dropped; only its head is inflated, as far as
//          needed to find metadata.continue.
// parse:   every body is inflated and JSON.parse'd; the result is dropped.
// Prints one line of JSON on stdout: requests, bytes on the wire, bytes of JSON (parse), items.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { createGunzip } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0 || args[i + 1] === undefined) {
    console.error(`floor.mjs: ${name} is required`);
    process.exit(3);
  }
  return args[i + 1];
};
const server = option('--server');
const mode = option('--mode');
if (mode !== 'discard' && mode !== 'parse') {
  console.error(`floor.mjs: --mode discard|parse, not ${mode}`);
  process.exit(3);
}
const agent = new Agent({
  keepAlive: true,
  maxSockets: 1,
  ca: readFileSync(option('--ca')),
  cert: readFileSync(option('--cert')),
  key: readFileSync(option('--key')),
});

/** The lists of the mandatory Haven checks (suggested cis/kubescape: their groups are not served here). */
const LISTS = [
  { name: 'nodes', path: '/api/v1/nodes' },
  { name: 'pods', path: '/api/v1/pods' },
  { name: 'customresourcedefinitions', path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions' },
  {
    name: 'apiservices',
    path: '/apis/apiregistration.k8s.io/v1/apiservices',
    fieldSelector: 'metadata.name=v1beta1.metrics.k8s.io',
  },
  {
    name: 'endpointslices',
    path: '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
    labelSelector: 'kubernetes.io/service-name=kubernetes',
  },
  {
    name: 'endpoints',
    path: '/api/v1/namespaces/default/endpoints',
    fieldSelector: 'metadata.name=kubernetes',
  },
  { name: 'storageclasses', path: '/apis/storage.k8s.io/v1/storageclasses' },
  { name: 'persistentvolumes', path: '/api/v1/persistentvolumes' },
];

const CONTINUE = /"continue":"([^"]*)"/;

/** GET one page; resolves with { wire, json, token, items }. */
function page(url) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        headers: {
          Accept: 'application/json',
          'Accept-Encoding': 'gzip',
          'User-Agent': 'havenkit-scale-floor',
        },
      },
      (res) => {
        const gzip = (res.headers['content-encoding'] ?? '').includes('gzip');
        let wire = 0;
        const fail = (err) => reject(new Error(`GET ${url.pathname}${url.search}: ${err.message}`));
        if (res.statusCode !== 200) {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            fail(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 500)}`)),
          );
          return;
        }
        if (mode === 'parse') {
          const chunks = [];
          const body = gzip ? res.pipe(createGunzip()) : res;
          res.on('data', (c) => (wire += c.length));
          body.on('data', (c) => chunks.push(c));
          body.on('error', fail);
          body.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const list = JSON.parse(text);
            resolve({
              wire,
              json: Buffer.byteLength(text),
              token: list.metadata?.continue || undefined,
              items: list.items.length,
            });
          });
          return;
        }
        // discard: inflate only until the head (kind, apiVersion, metadata) has been seen.
        let head = '';
        let headDone = false;
        let inflater;
        const scan = (text) => {
          if (headDone) return;
          head += text;
          const at = head.indexOf('"items"');
          if (at >= 0 || head.length > 65_536) {
            headDone = true;
            head = head.slice(0, at >= 0 ? at : head.length);
            inflater?.destroy();
          }
        };
        if (gzip) {
          inflater = createGunzip();
          inflater.on('data', (c) => scan(c.toString('utf8')));
          inflater.on('error', () => undefined); // destroyed mid-stream on purpose
        }
        res.on('data', (c) => {
          wire += c.length;
          if (!headDone) {
            if (inflater) inflater.write(c);
            else scan(c.toString('utf8'));
          }
        });
        res.on('error', fail);
        res.on('end', () => {
          const m = CONTINUE.exec(head);
          resolve({ wire, json: 0, token: m?.[1] || undefined, items: 0 });
        });
      },
    );
    req.on('error', (err) => reject(new Error(`GET ${url.pathname}: ${err.message}`)));
    req.end();
  });
}

const result = { mode, requests: 0, wireBytes: 0, jsonBytes: 0, items: {}, jsonBytesByList: {} };
const started = process.hrtime.bigint();
for (const list of LISTS) {
  let token;
  result.items[list.name] = 0;
  result.jsonBytesByList[list.name] = 0;
  do {
    const url = new URL(list.path, server);
    url.searchParams.set('limit', '500');
    if (token !== undefined) url.searchParams.set('continue', token);
    if (list.fieldSelector) url.searchParams.set('fieldSelector', list.fieldSelector);
    if (list.labelSelector) url.searchParams.set('labelSelector', list.labelSelector);
    const p = await page(url);
    result.requests++;
    result.wireBytes += p.wire;
    result.jsonBytes += p.json;
    result.items[list.name] += p.items;
    result.jsonBytesByList[list.name] += p.json;
    token = p.token;
  } while (token !== undefined);
}
result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
agent.destroy();
process.stdout.write(`${JSON.stringify(result)}\n`);
