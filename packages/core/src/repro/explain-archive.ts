import fs from 'node:fs';
import path from 'node:path';
import { archiveKind, type ArchiveKind } from './archive-kind';
import type { ExpansionBudget } from './budget';
import type { ArchiveListing, ArchiveMember } from './member';
import {
  containerChanges,
  contentDiffers,
  metadataChanges,
  metadataDetail,
  orderChange,
} from './member-diff';
import { listTar, type ListingOptions } from './tar-listing';
import type { ReproDifference } from './types';
import { listZip } from './zip-listing';

export interface ExplainContext {
  /** The outer file's relative path. */
  path: string;
  maxDepth: number;
  budgets: { first: ExpansionBudget; second: ExpansionBudget };
  /** A private temp folder for spooled nested archives, removed by the caller. */
  tempDir: string;
}

/** Both sides of one archive to explain: the files and where they sit inside the outer file. */
export interface ArchivePair {
  kind: ArchiveKind;
  first: string;
  second: string;
  /** Member path of this archive inside the outer file (`a.zip!/`), '' for the outer file itself. */
  prefix: string;
  depth: number;
}

function list(kind: ArchiveKind, file: string, options: ListingOptions): Promise<ArchiveListing> {
  return kind === 'zip' ? listZip(file, options) : listTar(file, kind === 'tar.gz', options);
}

async function listSide(
  ctx: ExplainContext,
  pair: ArchivePair,
  side: 'first' | 'second',
): Promise<ArchiveListing> {
  const spoolDir =
    pair.depth < ctx.maxDepth ? await fs.promises.mkdtemp(path.join(ctx.tempDir, `${side}-`)) : null;
  const inside = pair.prefix === '' ? '' : `!/${pair.prefix.slice(0, -2)}`;
  return list(pair.kind, side === 'first' ? pair.first : pair.second, {
    label: `${ctx.path}${inside} (${side === 'first' ? 'FIRST' : 'SECOND'})`,
    budget: ctx.budgets[side],
    spoolDir,
  });
}

function byName(listing: ArchiveListing): Map<string, ArchiveMember> {
  return new Map(listing.members.map((member) => [member.name, member]));
}

/**
 * Says where two archives whose bytes differ differ: members in content (both sha256, and nested
 * archives opened in turn up to the depth), on one side only, or in metadata only. Throws
 * ArchiveRefusal for a hostile or corrupt archive. Explains; never decides the verdict.
 */
export async function explainArchive(ctx: ExplainContext, pair: ArchivePair): Promise<ReproDifference[]> {
  const first = await listSide(ctx, pair, 'first');
  const second = await listSide(ctx, pair, 'second');
  const a = byName(first);
  const b = byName(second);
  const differences: ReproDifference[] = [];
  const add = (
    member: string,
    kind: ReproDifference['kind'],
    x: string | null,
    y: string | null,
    detail: string,
  ) => differences.push({ path: ctx.path, member: pair.prefix + member, kind, first: x, second: y, detail });
  for (const [name, member] of a) {
    const other = b.get(name);
    if (other === undefined) {
      add(name, 'missing', member.sha256, null, `only in FIRST (${member.type}, ${member.size} bytes)`);
    } else if (contentDiffers(member, other)) {
      const nested = await explainNested(ctx, pair, member, other);
      add(name, 'content', member.sha256, other.sha256, contentDetail(member, other, nested));
      differences.push(...nested);
    } else {
      const changes = metadataChanges(member, other);
      if (changes.length > 0) add(name, 'metadata', member.sha256, other.sha256, metadataDetail(changes));
    }
  }
  for (const [name, member] of b)
    if (!a.has(name))
      add(name, 'extra', null, member.sha256, `only in SECOND (${member.type}, ${member.size} bytes)`);
  const order = orderChange(first, second);
  const member = pair.prefix === '' ? null : pair.prefix.slice(0, -2);
  if (order !== null)
    differences.push({
      path: ctx.path,
      member,
      kind: 'metadata',
      first: null,
      second: null,
      detail: `metadata only: ${order}`,
    });
  if (differences.length === 0)
    differences.push({
      path: ctx.path,
      member,
      kind: 'metadata',
      first: null,
      second: null,
      detail: containerDetail(pair.kind, first, second),
    });
  return differences;
}

async function explainNested(
  ctx: ExplainContext,
  pair: ArchivePair,
  first: ArchiveMember,
  second: ArchiveMember,
): Promise<ReproDifference[]> {
  const kind = archiveKind(first.name);
  if (kind === null || first.spooled === null || second.spooled === null) return [];
  return explainArchive(ctx, {
    kind,
    first: first.spooled,
    second: second.spooled,
    prefix: `${pair.prefix}${first.name}!/`,
    depth: pair.depth + 1,
  });
}

function contentDetail(first: ArchiveMember, second: ArchiveMember, nested: ReproDifference[]): string {
  if (first.type !== second.type) return `type differs: ${first.type} → ${second.type}`;
  if (first.linkTarget !== second.linkTarget)
    return `link target differs: ${JSON.stringify(first.linkTarget)} → ${JSON.stringify(second.linkTarget)}`;
  const sizes =
    first.size === second.size ? `${first.size} bytes each` : `${first.size} → ${second.size} bytes`;
  return nested.length === 0
    ? `content differs (${sizes})`
    : `content differs (${sizes}); inside: ${summarise(nested)}`;
}

function containerDetail(kind: ArchiveKind, first: ArchiveListing, second: ArchiveListing): string {
  const changes = containerChanges(first, second);
  if (changes.length > 0) return `metadata only: compression (${changes.join(', ')})`;
  if (kind === 'tar.gz')
    return 'metadata only: compression (same members, another compressed stream: a different gzip level or implementation)';
  if (kind === 'zip')
    return 'metadata only: compression (same members, different zip framing: extra fields or directory layout)';
  return 'the tar bytes differ outside every member (header padding or end-of-archive blocks)';
}

/** "2 content, 1 metadata only: mtime" for a list of differences. */
export function summarise(differences: ReproDifference[]): string {
  const content = differences.filter((d) => d.kind === 'content').length;
  const sides = differences.filter((d) => d.kind === 'missing' || d.kind === 'extra').length;
  const metadata = differences.filter((d) => d.kind === 'metadata');
  const parts: string[] = [];
  if (content > 0) parts.push(`${content} member${content === 1 ? '' : 's'} differ in content`);
  if (sides > 0) parts.push(`${sides} on one side only`);
  if (metadata.length > 0) {
    const fields = [
      ...new Set(
        metadata.flatMap((d) => [...d.detail.matchAll(/(?:^metadata only: |, )(\w+) \(/g)].map((m) => m[1])),
      ),
    ];
    parts.push(`metadata only: ${fields.join(', ') || 'container'}`);
  }
  return parts.join('; ');
}
