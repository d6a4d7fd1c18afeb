import { checkActionContext, type ActionContext } from '../action/context';
import { InputError } from '../errors';
import type { FreezeGate } from '../freeze/gate';

export const RELEASE_SIGN_MODES = ['keyless', 'key'] as const;

/** release-sign's options on the action context. */
export interface ReleaseSignInputs extends ActionContext, FreezeGate {
  /** Globs, resolved inside the workspace. */
  files: string[];
  mode: string;
  /** The PEM private key (a secret), for mode key. */
  key?: string;
  keyPassword?: string;
  /** The checksum file's name, written in the workspace. */
  checksums: string;
  legacySignatures: boolean;
  upload: boolean;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  tlog: boolean;
  freezeFile: string;
}

function checkUrl(field: string, value: string | undefined): void {
  if (value === undefined) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(field, 'must be an http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError(field, 'must be an http(s) URL');
}

/** Refuses inputs no run could use (exit 2), before anything is read or signed. */
export function checkReleaseSignInputs(inputs: ReleaseSignInputs): void {
  checkActionContext(inputs);
  if (inputs.files.length === 0) throw new InputError('files', 'is required: one glob per line');
  if (!(RELEASE_SIGN_MODES as readonly string[]).includes(inputs.mode)) {
    throw new InputError('mode', `must be keyless or key, got ${JSON.stringify(inputs.mode.slice(0, 100))}`);
  }
  if (inputs.mode === 'key' && !inputs.key)
    throw new InputError('key', 'is required with mode key (the PEM private key)');
  if (inputs.mode === 'keyless' && inputs.key) throw new InputError('key', 'only applies with mode key');
  if (inputs.mode === 'keyless' && inputs.keyPassword)
    throw new InputError('key-password', 'only applies with mode key');
  if (!/^[A-Za-z0-9._-]+$/.test(inputs.checksums) || inputs.checksums.startsWith('.')) {
    throw new InputError('checksums', 'must be a plain file name such as SHA256SUMS');
  }
  if (inputs.upload && inputs.tag === undefined)
    throw new InputError('tag', 'is required to attach the bundles to its release');
  if (inputs.upload && !inputs.githubToken)
    throw new InputError('github-token', 'is needed to attach assets (contents: write)');
  if (!inputs.githubToken)
    throw new InputError('github-token', 'is needed to read the release freeze (contents: read)');
  checkUrl('fulcio-url', inputs.fulcioUrl);
  checkUrl('rekor-url', inputs.rekorUrl);
  checkUrl('tsa-url', inputs.tsaUrl);
}
