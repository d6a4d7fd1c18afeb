/** What a stage returns when it could not run at all (the vectors are absent, say), and why. */
export interface DemoSkip {
  skipped: string;
}

/** One step of `release-guard demo`: what it shows, and whether every verdict was the expected one. */
export interface DemoStage {
  title: string;
  /**
   * Logs what the stage does and returns true when every verdict was the expected one, false when
   * one was not, or a {@link DemoSkip} when it could not run (never `true` for a stage that did not run).
   */
  run: (log: (line: string) => void) => Promise<boolean | DemoSkip>;
  /** Its name in the closing table (default: the title up to its first colon). */
  name?: string;
  /** What it shows, for the closing table (default: the title after its first colon, else the title). */
  shows?: string;
}

export function skipStage(reason: string): DemoSkip {
  return { skipped: reason };
}

export function isSkip(outcome: boolean | DemoSkip): outcome is DemoSkip {
  return typeof outcome === 'object' && outcome !== null && typeof outcome.skipped === 'string';
}

/** The stage's name and what it shows, for the closing table, with the defaults applied. */
export function stageLabels(stage: DemoStage): { name: string; shows: string } {
  const colon = stage.title.indexOf(':');
  return {
    name: stage.name ?? (colon > 0 ? stage.title.slice(0, colon) : stage.title),
    shows: stage.shows ?? (colon > 0 ? stage.title.slice(colon + 1).trim() : stage.title),
  };
}
