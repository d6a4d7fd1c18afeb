/** One step of `release-guard demo`: what it shows, and whether every verdict was the expected one. */
export interface DemoStage {
  title: string;
  run: (log: (line: string) => void) => Promise<boolean>;
}
