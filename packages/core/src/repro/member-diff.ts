import type { ArchiveListing, ArchiveMember } from './member';

/** A member present on both sides whose content (bytes, type or link target) differs. */
export function contentDiffers(first: ArchiveMember, second: ArchiveMember): boolean {
  return (
    first.type !== second.type || first.sha256 !== second.sha256 || first.linkTarget !== second.linkTarget
  );
}

function octal(mode: number | null): string {
  return mode === null ? 'none' : `0${mode.toString(8)}`;
}

/** The metadata fields that differ between two members of equal content, with both values. */
export function metadataChanges(
  first: ArchiveMember,
  second: ArchiveMember,
): { field: string; values: string }[] {
  const changes: { field: string; values: string }[] = [];
  const add = (field: string, a: string | null, b: string | null) => {
    if (a !== b) changes.push({ field, values: `${a ?? 'none'} → ${b ?? 'none'}` });
  };
  add('mtime', first.mtime, second.mtime);
  add('mode', octal(first.mode), octal(second.mode));
  add('owner', first.owner, second.owner);
  add('compression', first.compression, second.compression);
  return changes;
}

/** "metadata only: mtime (a → b), mode (0644 → 0755)" */
export function metadataDetail(changes: { field: string; values: string }[]): string {
  return `metadata only: ${changes.map((change) => `${change.field} (${change.values})`).join(', ')}`;
}

/** Where the members both sides hold are stored in another order: the first position that differs. */
export function orderChange(first: ArchiveListing, second: ArchiveListing): string | null {
  const inSecond = new Set(second.members.map((member) => member.name));
  const inFirst = new Set(first.members.map((member) => member.name));
  const a = first.members.map((member) => member.name).filter((name) => inSecond.has(name));
  const b = second.members.map((member) => member.name).filter((name) => inFirst.has(name));
  const at = a.findIndex((name, index) => name !== b[index]);
  if (at < 0) return null;
  return `order (position ${at + 1}: ${JSON.stringify(a[at])} → ${JSON.stringify(b[at])})`;
}

/** Container fields (gzip header, zip comment) that differ, with both values. */
export function containerChanges(first: ArchiveListing, second: ArchiveListing): string[] {
  const keys = [...new Set([...Object.keys(first.container), ...Object.keys(second.container)])];
  return keys
    .filter((key) => first.container[key] !== second.container[key])
    .map(
      (key) =>
        `${key} ${JSON.stringify(first.container[key] ?? null)} → ${JSON.stringify(second.container[key] ?? null)}`,
    );
}
