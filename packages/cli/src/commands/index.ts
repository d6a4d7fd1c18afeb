import type { Command } from 'commander';
import type { CliContext } from '../context';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/**
 * One subcommand as `--help` lists it, and how to load it. Only the command that is run is loaded:
 * `release-guard --help` and `verify` never pay for the loopback servers of the demo or the GitHub
 * client of `manifest`. `description` and `usage` are what the top-level help shows; a test checks
 * them against the command each module registers.
 */
export interface CommandEntry {
  name: string;
  description: string;
  /** What follows the name in the top-level list, as commander prints it for the real command. */
  usage: string;
  load: () => Promise<RegisterCommand>;
}

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'verify',
    description: 'Verify SLSA provenance (and its Sigstore signature) for one or many artifacts, offline.',
    usage: '[options] [artifacts...]',
    load: async () => (await import('./verify')).registerVerify,
  },
  {
    name: 'verify-signature',
    description:
      "Check a Sigstore bundle's signature, certificate identity and issuer, and the files it covers.",
    usage: '[options] [artifacts...]',
    load: async () => (await import('./verify-signature')).registerVerifySignature,
  },
  {
    name: 'sign',
    description:
      'Sign release files: one Sigstore bundle v0.3 per file (<file>.sigstore.json), keyless (Fulcio + Rekor) or ' +
      'with a key; all or nothing. Refused with release_frozen while the release freeze is on.',
    usage: '[options]',
    load: async () => (await import('./sign')).registerSign,
  },
  {
    name: 'repro',
    description:
      'Compare two builds of one release (two files, or two folders file by file) bit for bit. Exit 0: identical; ' +
      '1: repro_mismatch (archives explained member by member, the release freeze set); 2: unusable input.',
    usage: '[options] <first> <second>',
    load: async () => (await import('./repro')).registerRepro,
  },
  {
    name: 'evidence',
    description:
      "Collect the release's evidence (tests, coverage, SBOMs, vulnerability reports, image digests, policy logs, " +
      'the verify report, signatures), judge it by the policy, leave out every file that holds a secret, and write ' +
      'evidence-<tag>.tar.gz and evidence/manifests/<tag>.yaml. Exit 0: pass; 1: fail, or warn without --allow-warn; 2: unusable input.',
    usage: '[options]',
    load: async () => (await import('./evidence')).registerEvidence,
  },
  {
    name: 'posture',
    description:
      'One page that answers "can we ship?": per release the provenance, signature, repro and evidence controls, open ' +
      'incidents, the freeze, the last drill, drift between releases, overdue secrets and metrics, written as posture.md, ' +
      'posture.json and posture.html. Exit 1: a control of the newest release failed, the freeze is on, or the last drill failed or is overdue.',
    usage: '[options]',
    load: async () => (await import('./posture')).registerPosture,
  },
  {
    name: 'drill',
    description:
      'Run the known-bad release shipped with release-guard through the real path: verify --key --no-tlog must fail ' +
      'with digest_mismatch, the alert must reach Slack (or the fallback issue, labelled drill and closed), what was ' +
      'delivered must hold no secret, and a scratch freeze must refuse signing. Each step is recorded in the manifest ' +
      '(entry drill-<UTC date>). Exit 0: pass or warn; 1: a step failed; 2: unusable input.',
    usage: '[options]',
    load: async () => (await import('./drill')).registerDrill,
  },
  {
    name: 'demo',
    description: 'Run the whole chain on a sample release on this machine, with no network.',
    usage: '[options]',
    load: async () => (await import('./demo')).registerDemo,
  },
  {
    name: 'manifest',
    description: 'Update, show and lint the release manifest (one entry per tag and run, with its history).',
    usage: '',
    load: async () => (await import('./manifest')).registerManifest,
  },
  {
    name: 'freeze',
    description:
      'The release freeze (kill switch): while it is on, signing, attaching, publishing, re-running and tagging ' +
      'are refused with release_frozen; verification and reports still run. RELEASE_FREEZE in the environment ' +
      '(anything but empty, false, 0, off or no) forces it on.',
    usage: '',
    load: async () => (await import('./freeze')).registerFreeze,
  },
];
