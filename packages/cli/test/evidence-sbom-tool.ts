import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const CLI = join(dirname(require.resolve('@cyclonedx/cyclonedx-npm')), 'bin', 'cyclonedx-npm-cli.js');

/**
 * A tiny npm project (`sample-app` depending on `leftpad` and `tiny-json`, installed by hand: no
 * registry) and its SBOMs written by the real `@cyclonedx/cyclonedx-npm`, which reads `npm ls`
 * offline: `sbom/bom-<spec>.json` or `.xml` under `dir`.
 */
export function writeCycloneDxSboms(dir: string, outputs: { spec: string; format: 'JSON' | 'XML' }[]) {
  const project = join(dir, 'app');
  const deps = { leftpad: '1.0.0', 'tiny-json': '2.1.0' };
  for (const [name, version] of Object.entries(deps)) {
    mkdirSync(join(project, 'node_modules', name), { recursive: true });
    writeFileSync(
      join(project, 'node_modules', name, 'package.json'),
      JSON.stringify({ name, version, license: 'MIT' }),
    );
  }
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'sample-app', version: '2.0.0', dependencies: deps }),
  );
  const packages: Record<string, unknown> = {
    '': { name: 'sample-app', version: '2.0.0', dependencies: deps },
  };
  for (const [name, version] of Object.entries(deps))
    packages[`node_modules/${name}`] = { version, license: 'MIT' };
  writeFileSync(
    join(project, 'package-lock.json'),
    JSON.stringify({ name: 'sample-app', version: '2.0.0', lockfileVersion: 3, requires: true, packages }),
  );
  mkdirSync(join(dir, 'sbom'), { recursive: true });
  return outputs.map(({ spec, format }) => {
    const file = `sbom/bom-${spec}.${format.toLowerCase()}`;
    execFileSync(
      process.execPath,
      [
        CLI,
        '--spec-version',
        spec,
        '--output-format',
        format,
        '--output-file',
        join(dir, file),
        '--omit',
        'dev',
      ],
      {
        cwd: project,
        timeout: 60_000,
        stdio: 'pipe',
        env: { PATH: process.env.PATH, HOME: dir, npm_config_offline: 'true' },
      },
    );
    return file;
  });
}
