import { SLSA_V02, SLSA_V1, type ProvenanceView } from '../attestation/provenance';
import { failed, passed, type Check } from './check';

/**
 * SLSA v1 passes. v0.2 passes only under the governance override `--allow-slsa-v0.2`, and the report
 * then carries the `security-backcompat` flag.
 */
export function checkPredicateType(view: ProvenanceView, allowSlsaV02: boolean): Check {
  const expected = allowSlsaV02 ? `${SLSA_V1} or ${SLSA_V02}` : SLSA_V1;
  if (view.predicateType === SLSA_V1)
    return passed('predicate_type', 'predicate_mismatch', expected, view.predicateType, 'SLSA v1 provenance');
  if (view.predicateType === SLSA_V02) {
    return allowSlsaV02
      ? passed(
          'predicate_type',
          'predicate_mismatch',
          expected,
          view.predicateType,
          'SLSA v0.2 accepted by --allow-slsa-v0.2 (flagged security-backcompat)',
        )
      : failed(
          'predicate_type',
          'predicate_mismatch',
          expected,
          view.predicateType,
          'SLSA v0.2 provenance needs the governance override --allow-slsa-v0.2',
        );
  }
  return failed('predicate_type', 'predicate_mismatch', expected, view.predicateType, 'not SLSA provenance');
}
