/**
 * Image references and the registries they come from. Docker's normalisation (the rules of
 * github.com/distribution/reference): a first path component with a dot or a colon, or
 * `localhost`, is a registry host; otherwise the image is on docker.io, and a name without a
 * slash is under library/ (nginx is docker.io/library/nginx). Pure.
 */
import type { LoadedSovereigntyFacts, RegistryFact } from '@havenkit/model';
import { matchesPattern } from './facts.js';

/** An image reference taken apart. */
export interface ImageReference {
  /** As written. */
  readonly reference: string;
  /** The registry host, lower-case, docker.io for Docker Hub (index.docker.io and registry-1.docker.io included). */
  readonly host: string;
  /** The repository path under the host, e.g. library/nginx. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** A digest of distribution/reference: algorithm ':' at least 32 hex digits. */
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The parts of an image reference; undefined for a value that is no reference (empty, spaces). */
export function parseImageReference(reference: string): ImageReference | undefined {
  const trimmed = reference.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const at = trimmed.indexOf('@');
  const digest = at >= 0 ? trimmed.slice(at + 1) : undefined;
  const named = at >= 0 ? trimmed.slice(0, at) : trimmed;
  const slash = named.indexOf('/');
  const first = slash >= 0 ? named.slice(0, slash) : '';
  const hasHost = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let host = hasHost ? first.toLowerCase() : 'docker.io';
  let rest = hasHost ? named.slice(slash + 1) : named;
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined;
  if (tag !== undefined) rest = rest.slice(0, colon);
  if (rest === '') return undefined;
  if (DOCKER_HUB_ALIASES.has(host)) {
    host = 'docker.io';
    if (!rest.includes('/')) rest = `library/${rest}`;
  }
  return {
    reference,
    host,
    path: rest,
    ...(tag !== undefined && tag !== '' ? { tag } : {}),
    // Only a digest as the reference grammar defines it pins an image (sha256:<64 hex>, …).
    ...(digest !== undefined && DIGEST.test(digest) ? { digest } : {}),
  };
}

/** A registry an image matched, and by which key. */
export interface RegistryMatch {
  readonly registry: RegistryFact;
  /** e.g. "registry prefix harbor.gemeente.nl/dockerhub-proxy" or "registry host docker.io". */
  readonly matchedBy: string;
}

/** Whether a host/path prefix covers an image's host and path (ends at a path boundary). */
function prefixCovers(prefix: string, image: ImageReference): boolean {
  const full = `${image.host}/${image.path}`;
  return full === prefix || full.startsWith(`${prefix}/`);
}

/**
 * The registry of an image: the longest host/path prefix that covers it, else an exact host, else a
 * host pattern; among equals, one marked specific, else the first (the user's facts come first).
 * docker.io's entry (implicit) also answers for references without a host. Undefined: no registry
 * in the facts matches (the register says unknown, never EU).
 */
export function matchRegistry(
  facts: LoadedSovereigntyFacts,
  image: ImageReference,
): RegistryMatch | undefined {
  let best: { registry: RegistryFact; rank: number; matchedBy: string } | undefined;
  const offer = (registry: RegistryFact, rank: number, matchedBy: string) => {
    const score = rank + (registry.specific ? 0.5 : 0);
    if (best === undefined || score > best.rank) best = { registry, rank: score, matchedBy };
  };
  for (const registry of facts.registries) {
    for (const prefix of registry.prefixes ?? []) {
      if (prefixCovers(prefix, image)) offer(registry, 1000 + prefix.length, `registry prefix ${prefix}`);
    }
    for (const host of registry.hosts ?? []) {
      const hostOnly = host.split('/')[0]!;
      if (hostOnly === image.host || (DOCKER_HUB_ALIASES.has(hostOnly) && image.host === 'docker.io')) {
        offer(registry, 100, `registry host ${image.host}`);
      } else if (hostOnly.includes('*') && matchesPattern(hostOnly, image.host)) {
        offer(registry, 10, `registry host pattern ${hostOnly}`);
      }
    }
  }
  return best && { registry: best.registry, matchedBy: best.matchedBy };
}
