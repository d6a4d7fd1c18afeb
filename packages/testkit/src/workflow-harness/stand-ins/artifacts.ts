import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FakeRepo } from '../../github';
import { buildZip } from '../../zip';
import { globFiles, searchRoot } from '../glob';
import type { StandIn } from './types';

export interface ArtifactStoreOptions {
  /** Folder that holds the artifacts (a new temp folder by default). */
  dir?: string;
  /** Also publish each upload as an artifact of this run of the GitHub test server (what our actions download). */
  github?: { repo: FakeRepo; runId: number };
}

export interface ArtifactStore {
  dir: string;
  /** actions/upload-artifact. */
  upload: StandIn;
  /** actions/download-artifact. */
  download: StandIn;
  /** An artifact's files by relative path. */
  files(name: string): Record<string, Buffer>;
  /** Puts an artifact in the store, as an earlier job of the run would have uploaded it. */
  put(name: string, files: Record<string, string | Buffer>): Promise<void>;
}

function commonRoot(roots: string[]): string {
  return roots.reduce((common, root) => {
    while (!`${root}${path.sep}`.startsWith(`${common}${path.sep}`) && common !== path.dirname(common)) {
      common = path.dirname(common);
    }
    return common;
  });
}

/** A local artifact store for the run, with upload-artifact / download-artifact stand-ins over it. */
export function createArtifactStore(options: ArtifactStoreOptions = {}): ArtifactStore {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rg-artifacts-'));
  const folder = (name: string) => path.join(dir, encodeURIComponent(name));
  const files = (name: string): Record<string, Buffer> => {
    const root = folder(name);
    return Object.fromEntries(
      globFiles('**', root).map((file) => [path.relative(root, file), fs.readFileSync(file)]),
    );
  };
  const put = async (name: string, content: Record<string, string | Buffer>) => {
    if (fs.existsSync(folder(name))) throw new Error(`an artifact named ${name} already exists in this run`);
    for (const [relative, bytes] of Object.entries(content)) {
      fs.mkdirSync(path.dirname(path.join(folder(name), relative)), { recursive: true });
      fs.writeFileSync(path.join(folder(name), relative), bytes);
    }
    if (options.github) {
      options.github.repo.addArtifact({ run_id: options.github.runId, name, zip: await buildZip(content) });
    }
  };
  const upload: StandIn = async ({ with: inputs, workspace }) => {
    const name = inputs.name || 'artifact';
    const matched = globFiles(inputs.path ?? '', workspace);
    if (matched.length === 0) {
      if (inputs['if-no-files-found'] === 'error') {
        throw new Error(
          `No files were found with the provided path: ${inputs.path}. No artifacts will be uploaded.`,
        );
      }
      return {
        stdout: `No files were found with the provided path: ${inputs.path}. No artifacts will be uploaded.\n`,
      };
    }
    const patterns = (inputs.path ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const root = commonRoot(patterns.map((pattern) => searchRoot(pattern, workspace)));
    await put(
      name,
      Object.fromEntries(matched.map((file) => [path.relative(root, file), fs.readFileSync(file)])),
    );
    return { outputs: { 'artifact-id': name }, stdout: `Uploaded ${matched.length} file(s) as ${name}\n` };
  };
  const download: StandIn = ({ with: inputs, workspace }) => {
    const names = inputs.name ? [inputs.name] : fs.readdirSync(dir).map(decodeURIComponent);
    const target = path.resolve(workspace, inputs.path || '.');
    for (const name of names) {
      if (!fs.existsSync(folder(name)))
        throw new Error(`Unable to download artifact(s): Artifact not found for name: ${name}`);
      fs.cpSync(folder(name), inputs.name ? target : path.join(target, name), { recursive: true });
    }
    return { outputs: { 'download-path': target } };
  };
  return { dir, upload, download, files, put };
}
