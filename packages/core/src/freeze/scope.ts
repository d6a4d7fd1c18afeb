import type { FreezeScope } from './types';

/** A tag as git names it: `refs/tags/v1.2.0` and `v1.2.0` are the same tag. */
export function normaliseTag(tag: string): string {
  return tag.startsWith('refs/tags/') ? tag.slice('refs/tags/'.length) : tag;
}

/**
 * Whether a tag pattern matches the whole tag: `*` stands for any characters (dots and slashes too),
 * `?` for one, everything else for itself. `v2.*` matches `v2.3.0`, not `v20.1.0` nor `v3.0.0`.
 */
export function tagMatchesPattern(tag: string, pattern: string): boolean {
  const source = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'su').test(normaliseTag(tag));
}

export function scopeCoversTag(scope: FreezeScope, tag: string): boolean {
  return scope === 'all' || scope.some((pattern) => tagMatchesPattern(tag, normaliseTag(pattern)));
}
