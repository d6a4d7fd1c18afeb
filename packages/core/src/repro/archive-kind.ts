export type ArchiveKind = 'tar' | 'tar.gz' | 'zip';

/** Formats that are plain zip under another name. */
const ZIP_EXTENSIONS = ['.zip', '.whl', '.jar', '.nupkg', '.vsix'];

/**
 * The archive format of a file by its name, or null for bytes compared as they are (tar.xz among
 * them: no maintained Node 20 library reads xz).
 */
export function archiveKind(name: string): ArchiveKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return 'tar.gz';
  if (lower.endsWith('.tar')) return 'tar';
  if (ZIP_EXTENSIONS.some((extension) => lower.endsWith(extension))) return 'zip';
  return null;
}
