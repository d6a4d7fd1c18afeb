/** What an archive says about one entry: enough to tell content from metadata differences. */
export interface ArchiveMember {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';
  /** sha256 of a file's bytes; null for other types. */
  sha256: string | null;
  size: number;
  /** Permission bits (and type bits for zip), as the archive stores them. */
  mode: number | null;
  mtime: string | null;
  /** `uid:gid uname:gname` for tar; null for zip. */
  owner: string | null;
  /** A link's target. */
  linkTarget: string | null;
  /** A zip entry's compression method; null for tar. */
  compression: string | null;
  /** Where a nested archive member's bytes were spooled, for opening it in turn. */
  spooled: string | null;
}

/** One side's archive, read whole: its members in stored order, and its container's own metadata. */
export interface ArchiveListing {
  members: ArchiveMember[];
  /** Container metadata outside the members (gzip header), compared when nothing else differs. */
  container: Record<string, string>;
}
