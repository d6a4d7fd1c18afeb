import { ReleaseGuardError } from '../errors';
import { describeInstancePath, describeSchemaError, lazyJsonSchema } from '../schema/json-schema';
import cyclonedxSchema from './cyclonedx.schema.json';
import spdxSchema from './spdx.schema.json';
import { descendants, parseXml, type XmlElement } from './xml';

export type SbomFormat = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json';

/** What evidence records of an SBOM: its format and version, its subject and how many components it lists. */
export interface SbomSummary {
  format: SbomFormat;
  specVersion: string;
  subject: string | null;
  /** The subject's name and version apart, to match release files by; null where the format gives none. */
  subjectName: string | null;
  subjectVersion: string | null;
  /** SHA-256 digests (lowercase hex) the SBOM records for its subject. */
  subjectSha256: string[];
  components: number;
}

const cyclonedx = lazyJsonSchema(cyclonedxSchema);
const spdx = lazyJsonSchema(spdxSchema);

function unreadable(source: string, problem: string): ReleaseGuardError {
  return new ReleaseGuardError('unreadable_input', `${source} is not a usable SBOM: ${problem}`, {
    file: source,
  });
}

function validated(document: unknown, schema: typeof cyclonedx, source: string): void {
  const { validate } = schema();
  if (validate(document)) return;
  const problems = (validate.errors ?? [])
    .slice(0, 3)
    .map((error) => `${describeInstancePath(error.instancePath)}: ${describeSchemaError(error)}`);
  throw unreadable(source, problems.join('; '));
}

interface CycloneDxComponent {
  name: string;
  version?: string;
  hashes?: { alg: string; content: string }[];
  components?: CycloneDxComponent[];
}

function sha256Of(digests: { algorithm: string; value: string }[] | undefined): string[] {
  return (digests ?? [])
    .filter((digest) => /^SHA-?256$/i.test(digest.algorithm) && /^[0-9a-f]{64}$/i.test(digest.value))
    .map((digest) => digest.value.toLowerCase());
}

function countComponents(components: CycloneDxComponent[] | undefined): number {
  return (components ?? []).reduce((sum, component) => sum + 1 + countComponents(component.components), 0);
}

function named(name: string | undefined, version: string | undefined): string | null {
  if (!name) return null;
  return version ? `${name}@${version}` : name;
}

function fromJson(document: Record<string, unknown>, source: string): SbomSummary {
  if (document.bomFormat === 'CycloneDX') {
    validated(document, cyclonedx, source);
    const subject = (document.metadata as { component?: CycloneDxComponent } | undefined)?.component;
    return {
      format: 'cyclonedx-json',
      specVersion: String(document.specVersion),
      subject: named(subject?.name, subject?.version),
      subjectName: subject?.name ?? null,
      subjectVersion: subject?.version ?? null,
      subjectSha256: sha256Of(subject?.hashes?.map((hash) => ({ algorithm: hash.alg, value: hash.content }))),
      components: countComponents(document.components as CycloneDxComponent[] | undefined),
    };
  }
  if (typeof document.spdxVersion === 'string') {
    validated(document, spdx, source);
    const packages = (document.packages ?? []) as {
      SPDXID: string;
      name: string;
      versionInfo?: string;
      checksums?: { algorithm: string; checksumValue: string }[];
    }[];
    const described = new Set((document.documentDescribes as string[] | undefined) ?? []);
    const subject = packages.find((pkg) => described.has(pkg.SPDXID));
    return {
      format: 'spdx-json',
      specVersion: '2.3',
      subject: named(subject?.name, subject?.versionInfo),
      subjectName: subject?.name ?? null,
      subjectVersion: subject?.versionInfo ?? null,
      subjectSha256: sha256Of(
        subject?.checksums?.map((sum) => ({ algorithm: sum.algorithm, value: sum.checksumValue })),
      ),
      components: packages.length,
    };
  }
  throw unreadable(source, 'expected a CycloneDX BOM (bomFormat) or an SPDX document (spdxVersion)');
}

const CYCLONEDX_XML_NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(1\.[456])$/;

/** CycloneDX XML, checked for its structure only: XSD validation would need a native module. */
function fromXml(root: XmlElement, source: string): SbomSummary {
  const version = CYCLONEDX_XML_NAMESPACE.exec(root.attributes.xmlns ?? '')?.[1];
  if (root.name !== 'bom' || version === undefined) {
    throw unreadable(
      source,
      'expected a CycloneDX 1.4-1.6 <bom> in the http://cyclonedx.org/schema/bom/1.x namespace',
    );
  }
  const components = root.children.find((child) => child.name === 'components');
  const all = components ? [...components.children, ...descendants(components, 'component')] : [];
  const unique = new Set(all.filter((element) => element.name === 'component'));
  for (const component of unique) {
    if (!component.attributes.type) throw unreadable(source, 'a <component> has no type attribute');
  }
  const metadata = root.children.find((child) => child.name === 'metadata');
  const subject = metadata?.children.find((child) => child.name === 'component');
  return {
    format: 'cyclonedx-xml',
    specVersion: version,
    subject: subject?.attributes['bom-ref'] ?? null,
    // The XML reader keeps elements, not their text: the subject's name, version and hashes are not read.
    subjectName: null,
    subjectVersion: null,
    subjectSha256: [],
    components: unique.size,
  };
}

/** Recognises and checks a CycloneDX (JSON or XML) or SPDX 2.3 JSON SBOM. */
export function parseSbom(text: string, source: string): SbomSummary {
  if (text.trimStart().startsWith('<')) return fromXml(parseXml(text, source), source);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw unreadable(source, 'it is neither JSON nor XML');
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw unreadable(source, 'it is not a JSON object');
  }
  return fromJson(document as Record<string, unknown>, source);
}
