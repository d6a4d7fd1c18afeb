import { ReleaseGuardError } from '../errors';

/** The CVE ids of a CISA Known Exploited Vulnerabilities catalog (known_exploited_vulnerabilities.json). */
export function parseKevCatalog(text: string, source: string): Set<string> {
  let document: { vulnerabilities?: { cveID?: unknown }[] };
  try {
    document = JSON.parse(text) as typeof document;
  } catch {
    throw new ReleaseGuardError('unreadable_input', `${source} is not JSON`, { file: source });
  }
  if (!Array.isArray(document?.vulnerabilities)) {
    throw new ReleaseGuardError(
      'unreadable_input',
      `${source} is not a KEV catalog: it has no vulnerabilities array`,
      { file: source },
    );
  }
  return new Set(document.vulnerabilities.map((entry) => String(entry.cveID)));
}

/**
 * EPSS scores by CVE id from the FIRST daily CSV: an optional `#model_version:…` comment line,
 * then the header `cve,epss,percentile`.
 */
export function parseEpssCsv(text: string, source: string): Map<string, number> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const header = (lines.shift() ?? '').split(',').map((cell) => cell.trim().toLowerCase());
  const cve = header.indexOf('cve');
  const epss = header.indexOf('epss');
  if (cve === -1 || epss === -1) {
    throw new ReleaseGuardError('unreadable_input', `${source} is not an EPSS CSV: no cve,epss header`, {
      file: source,
    });
  }
  const scores = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(',');
    const score = Number(cells[epss]);
    if (cells[cve] && Number.isFinite(score)) scores.set(cells[cve].trim(), score);
  }
  return scores;
}
