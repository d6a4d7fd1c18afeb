import tarPackage from 'tar/package.json';
import yauzlPackage from 'yauzl/package.json';
import corePackage from '../../package.json';
import type { ReproTool } from './attestation';

/** The tools a comparison used, with their versions, for the attestation. */
export function reproTools(diffoscopeVersion: string | null): ReproTool[] {
  const tools: ReproTool[] = [
    { name: 'release-guard', version: corePackage.version },
    { name: 'node-tar', version: tarPackage.version },
    { name: 'yauzl', version: yauzlPackage.version },
    { name: 'node', version: process.versions.node },
  ];
  if (diffoscopeVersion !== null) tools.push({ name: 'diffoscope', version: diffoscopeVersion });
  return tools;
}
