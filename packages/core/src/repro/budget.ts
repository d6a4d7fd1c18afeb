import type { ArchiveLimits } from './types';
import { ArchiveRefusal } from './refusal';

/** Decompressed bytes of one side, against the total limit; shared by the outer and nested archives. */
export class ExpansionBudget {
  private total = 0;

  constructor(readonly limits: ArchiveLimits) {}

  /** A counter for one archive of `archiveSize` bytes on disk, checking the ratio and the total. */
  archive(label: string, archiveSize: number): (bytes: number) => void {
    let expanded = 0;
    return (bytes) => {
      expanded += bytes;
      this.total += bytes;
      if (this.total > this.limits.maxTotalBytes)
        throw new ArchiveRefusal(
          label,
          `expands to more than ${this.limits.maxTotalBytes} bytes in total (the limit)`,
        );
      if (
        expanded > this.limits.ratioFloorBytes &&
        expanded > this.limits.maxRatio * Math.max(archiveSize, 1)
      )
        throw new ArchiveRefusal(
          label,
          `expands more than 1:${this.limits.maxRatio} (${archiveSize} bytes to over ${expanded}): an archive bomb`,
        );
    };
  }
}

/** Counts the entries of one archive against the limit. */
export function entryCounter(label: string, limits: ArchiveLimits): () => void {
  let entries = 0;
  return () => {
    entries += 1;
    if (entries > limits.maxEntries)
      throw new ArchiveRefusal(label, `holds more than ${limits.maxEntries} entries (the limit)`);
  };
}
