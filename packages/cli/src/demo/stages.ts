import { drillStage } from './drill-stage';
import { freezeStage } from './freeze-stage';
import { evidenceStage } from './evidence-stage';
import { notifyStage } from './notify-stage';
import { postureStage } from './posture-stage';
import { publishStage } from './publish-stage';
import { recoverRunStage } from './recover-run-stage';
import { signStage } from './sign-stage';
import { reproStage } from './repro-stage';
import { validateRunStage } from './validate-run-stage';
import { vectorsReleaseStage } from './vectors-release';
import type { DemoStage } from './stage';

/** The demo, in order: each capability of release-guard on the sample release. */
export function demoStages(vectorsDir: string): DemoStage[] {
  return [
    vectorsReleaseStage(vectorsDir),
    validateRunStage(),
    recoverRunStage(),
    notifyStage(),
    freezeStage(),
    signStage(),
    reproStage(),
    evidenceStage(),
    publishStage(),
    drillStage(),
    postureStage(),
  ];
}
