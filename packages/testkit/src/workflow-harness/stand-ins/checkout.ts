import fs from 'node:fs';
import path from 'node:path';
import type { StandIn } from './types';

export interface CheckoutStandInOptions {
  /** The local folder for each `repository` (`owner/name`), the workflow's own one included. */
  repositories: Record<string, string>;
  /** Names left out of the copy. Default `.git` and `node_modules`. */
  exclude?: string[];
}

/**
 * actions/checkout: copies the local folder registered for `with.repository` (default
 * `github.repository`) to `with.path` in the workspace. Outputs `ref` and `commit` as asked.
 */
export function checkoutStandIn(options: CheckoutStandInOptions): StandIn {
  const exclude = new Set(options.exclude ?? ['.git', 'node_modules']);
  return ({ with: inputs, workspace, github }) => {
    const repository = inputs.repository || String(github.repository);
    const source = options.repositories[repository];
    if (!source) throw new Error(`checkout stand-in: no local folder for repository ${repository}`);
    const target = path.resolve(workspace, inputs.path || '.');
    if (!target.startsWith(workspace))
      throw new Error(`checkout stand-in: path ${inputs.path} leaves the workspace`);
    fs.cpSync(source, target, {
      recursive: true,
      filter: (file) => !exclude.has(path.basename(file)) || file === source,
    });
    const ref = inputs.ref || String(github.sha);
    return { outputs: { ref, commit: /^[0-9a-f]{40}$/.test(ref) ? ref : String(github.sha) } };
  };
}
