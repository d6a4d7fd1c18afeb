export * from './errors';
export * from './manifest/store';
export * from './attestation/load';
export * from './attestation/statement';
export * from './attestation/provenance';
export * from './checks/check';
export * from './checks/identity';
export * from './checks/builder';
export * from './sigstore/certificate';
export * from './sigstore/trust';
export * from './sigstore/verify-signature';
export * from './verify/options';
export * from './verify/report';
export * from './verify/signature-files';
export * from './verify/input-paths';
export { artifactDigestArgument } from './verify/artifacts';
export * from './verify/verify-provenance';
export * from './verify/verify-bundle-signature';
export * from './text/safe-text';
export * from './text/echo-value';
export * from './report/verify-text';
export * from './manifest/types';
export * from './manifest/errors';
export * from './manifest/schema';
export * from './manifest/state-machine';
export * from './manifest/assignments';
export * from './manifest/apply';
export * from './manifest/update';
export * from './manifest/lint';
export * from './manifest/show';
export * from './manifest/file-store';
export * from './manifest/git-store';
export * from './manifest/open-store';
export * from './digest/digest-file';
export * from './github/client';
export * from './github/request-errors';
export * from './github/rate-limit';
export {
  attachReleaseAssets,
  assertAcceptsAssets,
  findOrCreateRelease,
  findRelease,
  publishRelease,
  ReleaseAssetError,
  type AssetFile,
  type AttachedAsset,
  type AttachOptions,
  type AttachResult,
  type ReleaseAssetFailure,
  type ReleaseInfo,
  type ReleaseLocation,
  type ReleaseLookupOptions,
} from './github/release-assets';
export * from './manifest/contents-store';
export * from './action/inputs';
export * from './archive/extract-zip';
export * from './artifacts/download-run-artifact';
export * from './kpi/post-kpi';
export * from './report/verify-markdown';
export * from './report/write-file-atomic';
export * from './validate/inputs';
export * from './validate/action-inputs';
export * from './validate/validate-release';
export * from './manifest/action-store';
export * from './recover/inputs';
export * from './recover/action-inputs';
export * from './recover/result';
export * from './recover/fallback';
export * from './recover/recover-run';
export * from './text/redact-secrets';
export * from './notify/inputs';
export * from './notify/action-inputs';
export * from './notify/notification';
export * from './notify/slack/delivery-policy';
export * from './notify/slack/delivery-attempt';
export * from './notify/slack/slack-message';
export * from './notify/slack/slack-delivery';
export * from './notify/issue/issue-marker';
export * from './notify/issue/fallback-issue';
export * from './notify/turn';
export * from './manifest/history';
export * from './notify/notify-metrics';
export * from './notify/notify-on-failure';
export * from './manifest/record-action';
export * from './manifest/record-entry';
export * from './manifest/controls';
export * from './manifest/action-control';
export * from './action/context';
export * from './action/outcome';
export * from './action/run-entry';
export * from './manifest/location';
export * from './text/markdown';
export { StoreConflictError } from './store/conflict-error';
export {
  compareAndSwap,
  type CompareAndSwapOptions,
  type SwapOutcome,
  type SwapPlan,
  type SwapRound,
} from './store/compare-and-swap';
export {
  DEFAULT_FREEZE_PATH,
  FREEZE_SCHEMA_VERSION,
  type FreezeAction,
  type FreezeDecision,
  type FreezeRecord,
  type FreezeScope,
  type FreezeSource,
  type FreezeState,
} from './freeze/types';
export { FREEZE_SCHEMA, freezeProblems, parseFreezeState, serializeFreezeState } from './freeze/schema';
export { variableFreezes } from './freeze/variable';
export { normaliseTag, scopeCoversTag, tagMatchesPattern } from './freeze/scope';
export { evaluateFreeze, unreadableFreeze, type FreezeQuery } from './freeze/evaluate';
export {
  assertNotFrozen,
  checkReleaseFreeze,
  describeFreeze,
  howToLift,
  releaseFrozenError,
  type AssertNotFrozen,
  type ReleaseFreezeCheck,
} from './freeze/check';
export {
  changeReleaseFreeze,
  FreezeConflictError,
  type FreezeChange,
  type FreezeChangeResult,
} from './freeze/write';
export {
  FREEZE_STORE_LABEL,
  freezeFilePath,
  openActionFreezeStore,
  openFreezeStore,
  type ActionFreezeLocation,
  type FreezeFileLocation,
} from './freeze/store';
export { renderFreezeMarkdown, renderFreezeText } from './freeze/render';
export * from './text/tag-file-name';
export * from './freeze/gate';
export {
  signRelease,
  type KeyMode,
  type KeylessMode,
  type SignedFile,
  type SignOptions,
  type SignReport,
} from './sign/sign-release';
export { renderSignText } from './sign/render';
export * from './verify/verify-checksums';
export {
  reproVerify,
  defaultAttestationPath,
  type ReproOptions,
  type ReproReport,
  type ReproRun,
  type ReproFreezeTarget,
} from './repro/repro';
export { renderReproText, renderReproMarkdown, renderDiffs } from './repro/render';
export { REPRO_PREDICATE_TYPE } from './repro/attestation';
export { DIFFOSCOPE_MODES, type DiffoscopeMode } from './repro/types';
export { writeFileAtomic } from './report/write-file-atomic';
export {
  DEFAULT_POLICY_YAML,
  EVIDENCE_POLICY_SCHEMA,
  EVIDENCE_RULES,
  parsePolicy,
  type EvidencePolicy,
  type RuleId,
} from './evidence/policy';
export { runEvidence, type EvidenceOptions, type EvidenceOutcome } from './evidence/run-evidence';
export { renderEvidenceText } from './evidence/render';
export type {
  EvidenceDocument,
  EvidenceItem,
  EvidenceManifest,
  EvidenceRedaction,
} from './evidence/document';
export type { Evaluation, EvidenceResult, RuleResult } from './evidence/evaluation';
