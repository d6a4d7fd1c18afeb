import { InputError } from '../errors';

/** An image pinned by digest: `name@sha256:` and 64 lowercase hex digits, nothing else. */
export interface ImageDigest {
  ref: string;
  name: string;
  digest: string;
}

const IMAGE_REF = /^([a-z0-9][a-z0-9._:/-]*)@(sha256:[0-9a-f]{64})$/;

export function parseImageDigest(value: string): ImageDigest {
  const match = IMAGE_REF.exec(value);
  if (!match) {
    throw new InputError(
      'image',
      `must be NAME@sha256:<64 lowercase hex digits>, got ${JSON.stringify(value)}`,
    );
  }
  return { ref: value, name: match[1], digest: match[2] };
}
