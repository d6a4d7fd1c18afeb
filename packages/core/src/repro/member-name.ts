import path from 'node:path';

/**
 * Why a member name could point outside the archive's root (`../`, absolute or drive paths, NUL), or
 * null when it is safe. Archives are never extracted, but a name that would escape is what an
 * attacker's archive looks like, and no verdict of ours may read past it.
 */
export function unsafeMemberName(name: string): string | null {
  if (name === '') return 'an entry has an empty name';
  if (name.includes('\0')) return `entry ${JSON.stringify(name)} has a NUL byte in its name`;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.startsWith('\\'))
    return `entry ${JSON.stringify(name)} has an absolute name`;
  if (name.split(/[/\\]/).includes('..')) return `entry ${JSON.stringify(name)} climbs out with ..`;
  return null;
}

/**
 * Why a link points outside the archive's root, or null. A symbolic link's target is relative to the
 * link's folder; a hard link's to the archive's root.
 */
export function unsafeLinkTarget(name: string, target: string, kind: 'symlink' | 'hardlink'): string | null {
  const label = `${kind === 'symlink' ? 'symbolic' : 'hard'} link ${JSON.stringify(name)} → ${JSON.stringify(target)}`;
  if (target.startsWith('/') || /^[a-zA-Z]:/.test(target) || target.includes('\0'))
    return `${label} points to an absolute path`;
  const base = kind === 'symlink' ? path.posix.dirname(name) : '.';
  const resolved = path.posix.normalize(path.posix.join(base, target.replace(/\\/g, '/')));
  if (resolved === '..' || resolved.startsWith('../')) return `${label} points outside the archive`;
  return null;
}
