import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ActionInputs, inputVariable } from './inputs';

/** Answers every read with its fallback and remembers the name: what an entry reads, whatever it is given. */
class RecordingInputs extends ActionInputs {
  override required(name: string): string {
    this.optional(name);
    return 'recorded';
  }
  override boolean(name: string, fallback = false): boolean {
    this.optional(name);
    return fallback;
  }
  override number(name: string, fallback: number): number {
    this.optional(name);
    return fallback;
  }
}

interface ActionYaml {
  inputs?: Record<string, unknown>;
  runs: { steps: Array<{ run?: string; env?: Record<string, string> }> };
}

const actionsDir = path.resolve(__dirname, '../../../../actions');
const coreSrc = path.resolve(__dirname, '..');
const actions = fs
  .readdirSync(actionsDir)
  .filter((name) => fs.existsSync(path.join(actionsDir, name, 'src/index.ts')));

/** The entry's action definition: the module and export it passes to runActionEntry. */
function definitionOf(name: string) {
  const entry = fs.readFileSync(path.join(actionsDir, name, 'src/index.ts'), 'utf8');
  const [, exported, modulePath] =
    /import \{ (\w+) \} from '@release-guard\/core\/([\w/-]+)';\s*(?:\/\/.*\n)*\s*void runActionEntry\(\1\);/m.exec(
      entry.replace(/import \{ runActionEntry \}.*\n/, ''),
    ) ?? [];
  if (!exported) throw new Error(`${name}/src/index.ts does not have the entry shape`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module the entry names
  const definition = require(path.join(coreSrc, modulePath))[exported];
  return definition as { read: (env: NodeJS.ProcessEnv, input: ActionInputs) => unknown };
}

describe.each(actions)('the %s action', (name) => {
  const yaml = parse(fs.readFileSync(path.join(actionsDir, name, 'action.yml'), 'utf8')) as ActionYaml;
  const declared = Object.keys(yaml.inputs ?? {}).sort();

  it('has the entry every action has, at most 20 lines', () => {
    const entry = fs.readFileSync(path.join(actionsDir, name, 'src/index.ts'), 'utf8');
    expect(entry.trimEnd().split('\n').length).toBeLessThanOrEqual(20);
    expect(entry).not.toContain('@actions/core'); // the runtime comes from core: see action/runtime.ts
    expect(entry).toContain("import { runActionEntry } from '@release-guard/core/action/run-entry';");
  });

  it('reads exactly the inputs its action.yml declares', () => {
    const inputs = new RecordingInputs({});
    definitionOf(name).read({ GITHUB_REPOSITORY: 'acme/widgets' }, inputs);
    expect([...inputs.names].sort()).toEqual(declared);
  });

  it('passes every declared input to its script through env:, never interpolated in run:', () => {
    const step = yaml.runs.steps.find((s) => s.run?.includes('dist/index.js'));
    expect(step?.run).not.toMatch(/\$\{\{/);
    const passed = Object.keys(step?.env ?? {}).filter((key) => key.startsWith('INPUT_'));
    expect(passed.sort()).toEqual(declared.map(inputVariable).sort());
  });
});
