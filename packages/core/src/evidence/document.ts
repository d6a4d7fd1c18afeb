import { stringify } from 'yaml';
import type { ItemKind } from './collect';
import type { Evaluation, EvidenceResult } from './evaluation';
import type { ImageDigest } from './image-digest';

export const EVIDENCE_SCHEMA_VERSION = 1;

/** One archived file: where it was in the workspace (in the bundle: under `items/`), its digest and size. */
export interface EvidenceItem {
  kind: ItemKind;
  path: string;
  sha256: string;
  size: number;
}

/** A file left out because it holds a secret: where and by which rule, never the value. */
export interface EvidenceRedaction {
  path: string;
  line: number;
  rule: string;
  action: 'left_out';
}

/** The inner evidence.yaml of a bundle; the manifest beside the bundle adds `bundle_sha256`. */
export interface EvidenceDocument {
  schema_version: number;
  tag: string;
  commit: string | null;
  time: string;
  tools: Record<string, string>;
  images: ImageDigest[];
  items: EvidenceItem[];
  evaluations: Evaluation[];
  redactions: EvidenceRedaction[];
  result: EvidenceResult;
}

export interface EvidenceManifest extends EvidenceDocument {
  bundle_sha256: string;
}

const HEADER = '# release-guard evidence: what was archived for this release and how the policy judged it.\n';

export function renderEvidenceYaml(document: EvidenceDocument | EvidenceManifest): string {
  return HEADER + stringify(document, { lineWidth: 0 });
}
