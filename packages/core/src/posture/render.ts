import { isHttpUrl } from '../manifest/controls';
import { markdownCell } from '../text/markdown';
import { RELEASE_CONTROLS, type ControlCell, type Metric, type PostureModel, type Unknown } from './model';

export const POSTURE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const ICON = { pass: '✅', warn: '⚠️', fail: '❌', 'no data': '–' } as const;
/** The page uses glyphs every system font has (no emoji font on a bare Linux, in print). */
const GLYPH = { pass: '✓', warn: '⚠', fail: '✗' } as const;

function cellText(cell: ControlCell): string {
  return cell.state === 'no data'
    ? 'no data'
    : `${cell.status}${cell.failure_reason ? ` ${cell.failure_reason}` : ''} (${cell.at})`;
}

function metricText(metric: Metric): string {
  if (metric.value === null) return 'no data';
  if (metric.unit === 'ratio') return `${Math.round(metric.value * 1000) / 10}% (n=${metric.samples})`;
  if (metric.unit === 'seconds') return `${metric.value} s (n=${metric.samples})`;
  return String(metric.value);
}

const unknownText = (section: Unknown) => `unknown: ${section.reason} (runbook: ${section.runbook})`;

function mdLink(text: string, url: string | null): string {
  return url !== null && isHttpUrl(url)
    ? `[${markdownCell(text)}](${url.replace(/[()\s]/g, encodeURIComponent)})`
    : markdownCell(text);
}

/** posture.md: also the job summary of posture-report. */
export function renderPostureMarkdown(model: PostureModel): string {
  const lines = [`## Release posture: ${markdownCell(model.verdict.line)}`, ''];
  lines.push(`Known as of ${model.generated_at}${model.since ? `, since ${model.since}` : ''}.`, '');
  const freeze = model.freeze;
  lines.push(
    freeze.state === 'unknown'
      ? `**Freeze: ${markdownCell(unknownText(freeze))}**`
      : freeze.state === 'on'
        ? `**🧊 Freeze ON**: ${markdownCell(freeze.reason)}; incident ${markdownCell(freeze.incident)}; set by ${markdownCell(freeze.set_by)} at ${markdownCell(freeze.set_at)} (${markdownCell(freeze.location)})`
        : `Freeze: off (${markdownCell(freeze.location)})`,
    '',
    '### Releases',
    '',
  );
  if (model.manifest.state === 'unknown') lines.push(markdownCell(unknownText(model.manifest)), '');
  else if (model.releases.length === 0) lines.push('No release recorded.', '');
  else {
    lines.push(
      `| Release | First recorded | ${RELEASE_CONTROLS.join(' | ')} |`,
      `|---|---|${RELEASE_CONTROLS.map(() => '---').join('|')}|`,
    );
    for (const row of model.releases) {
      const cells = RELEASE_CONTROLS.map((name) => {
        const cell = row.controls[name];
        const icon = ICON[cell.state === 'no data' ? 'no data' : cell.status];
        return `${icon} ${mdLink(cellText(cell), cell.state === 'recorded' ? cell.run_url : null)}`;
      });
      lines.push(`| ${markdownCell(row.tag)} | ${row.first_recorded_at} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push('### Open incidents', '');
  if (model.manifest.state === 'unknown') lines.push(markdownCell(unknownText(model.manifest)));
  else if (model.incidents.length === 0) lines.push('None.');
  else
    for (const incident of model.incidents)
      lines.push(
        `- ${markdownCell(incident.tag)} run ${incident.run_id}: ${incident.status} ${markdownCell(incident.failure_reason)}, issue ${incident.issue_number === null ? '–' : `#${incident.issue_number}`}, open ${incident.age_days} day(s) (since ${incident.since})`,
      );
  lines.push('', '### Drift', '');
  if (model.drift.length === 0)
    lines.push(model.manifest.state === 'unknown' ? 'unknown (no manifest)' : 'None.');
  for (const drift of model.drift)
    lines.push(
      `- ⚠️ ${markdownCell(drift.previous_tag)} → ${markdownCell(drift.tag)}: ${drift.field} ${markdownCell(drift.previous)} → ${markdownCell(drift.current)}`,
    );
  lines.push('', '### Last drill', '');
  const drill = model.drill;
  lines.push(
    drill.state === 'unknown'
      ? markdownCell(unknownText(drill))
      : drill.state === 'none'
        ? `⚠️ ${markdownCell(drill.reason)}`
        : `${ICON[drill.state]} ${markdownCell(drill.tag)} ${drill.state} at ${drill.at} (${drill.age_days} day(s) ago${drill.overdue ? ', **overdue**' : ''})`,
    '',
    '### Secrets older than 90 days',
    '',
  );
  const secrets = model.secrets;
  if (secrets.state === 'checked') {
    if (secrets.overdue.length === 0) lines.push(`None of ${secrets.total}.`);
    for (const secret of secrets.overdue)
      lines.push(`- ⚠️ ${markdownCell(secret.name)}: updated ${secret.updated_at} (${secret.age_days} days)`);
  } else
    lines.push(
      markdownCell(secrets.state === 'unknown' ? unknownText(secrets) : `not checked: ${secrets.reason}`),
    );
  lines.push('', '### Metrics', '', '| Metric | Value |', '|---|---|');
  for (const [name, metric] of Object.entries(model.metrics))
    lines.push(`| \`${name}\` | ${metricText(metric)} |`);
  if (model.warnings.length > 0)
    lines.push('', '### Warnings', '', ...model.warnings.map((warning) => `- ${markdownCell(warning)}`));
  return `${lines.join('\n')}\n`;
}

export function renderPostureJson(model: PostureModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/** Every value goes through here: text content and attribute values alike. */
export function escapeHtml(value: string | number | null): string {
  return String(value ?? '–')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function link(text: string, url: string | null): string {
  return url !== null && isHttpUrl(url)
    ? `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--banner:#fff8c5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--pass:#3fb950;--warn:#d29922;--fail:#f85149;--banner:#3b2e00}}
body{margin:0;padding:1rem;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,sans-serif}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.4rem 0 .4rem;border-bottom:1px solid var(--line)}
.muted{color:var(--muted)}.banner{padding:.6rem .8rem;border:1px solid var(--line);border-radius:6px;margin:.6rem 0}
.banner.on,.banner.unknown{background:var(--banner);border-color:var(--warn);font-weight:600}
.table{overflow-x:auto}table{border-collapse:collapse;width:100%}th{white-space:nowrap}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.pass{color:var(--pass)}.warn{color:var(--warn)}.fail{color:var(--fail);font-weight:600}.nodata{color:var(--muted)}
a{color:inherit}svg{max-width:100%;height:auto}
@media (max-width:600px){body{padding:.5rem}th,td{padding:.2rem .3rem;font-size:12px}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#999}body{padding:0}a{text-decoration:none}.banner{border:2px solid #000}}
`;

function trendSvg(model: PostureModel): string {
  const points = model.trend.filter((point) => point.pass_rate !== null) as Array<{
    tag: string;
    pass_rate: number;
  }>;
  if (points.length === 0) return '<p class="muted">No pass-rate data yet.</p>';
  const width = 320;
  const height = 96;
  const step = points.length === 1 ? 0 : (width - 20) / (points.length - 1);
  const coords = points.map((point, index) => [10 + index * step, 70 - point.pass_rate * 60] as const);
  const label = points.map((point) => `${point.tag}: ${Math.round(point.pass_rate * 100)}%`).join(', ');
  return (
    `<svg role="img" aria-label="${escapeHtml(`provenance pass rate per release: ${label}`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<line x1="10" y1="70" x2="${width - 10}" y2="70" stroke="currentColor" stroke-opacity=".3"/>` +
    `<polyline fill="none" stroke="currentColor" stroke-width="2" points="${coords.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>` +
    coords
      .map(
        ([x, y], index) =>
          `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3"><title>${escapeHtml(label.split(', ')[index])}</title></circle>` +
          `<text x="${x.toFixed(1)}" y="88" font-size="10" text-anchor="${index === 0 && points.length > 1 ? 'start' : index === points.length - 1 && points.length > 1 ? 'end' : 'middle'}" fill="currentColor">${escapeHtml(points[index].tag.slice(0, 24))}</text>`,
      )
      .join('') +
    '</svg>'
  );
}

function unknownHtml(section: Unknown): string {
  return `<span class="warn">unknown</span>: ${escapeHtml(section.reason)} <span class="muted">(runbook: ${escapeHtml(section.runbook)})</span>`;
}

/** Open incidents, drift, the last drill and the secrets, as HTML sections. */
function detailSectionsHtml(model: PostureModel): string[] {
  const parts: string[] = [];
  parts.push('<h2>Open incidents</h2>');
  if (model.manifest.state === 'unknown') parts.push(`<p>${unknownHtml(model.manifest)}</p>`);
  else if (model.incidents.length === 0) parts.push('<p>None.</p>');
  else
    parts.push(
      `<ul id="incidents">${model.incidents.map((incident) => `<li>${escapeHtml(incident.tag)} run ${escapeHtml(incident.run_id)}: <span class="fail">${escapeHtml(incident.status)} ${escapeHtml(incident.failure_reason)}</span>, issue ${incident.issue_number === null ? '–' : `#${escapeHtml(incident.issue_number)}`}, open ${escapeHtml(incident.age_days)} day(s)</li>`).join('')}</ul>`,
    );
  parts.push('<h2>Drift</h2>');
  parts.push(
    model.drift.length === 0
      ? `<p>${model.manifest.state === 'unknown' ? 'unknown (no manifest)' : 'None.'}</p>`
      : `<ul id="drift">${model.drift.map((drift) => `<li class="warn">⚠ ${escapeHtml(drift.previous_tag)} → ${escapeHtml(drift.tag)}: ${escapeHtml(drift.field)} ${escapeHtml(drift.previous)} → ${escapeHtml(drift.current)}</li>`).join('')}</ul>`,
  );
  const drill = model.drill;
  parts.push('<h2>Last drill</h2>');
  parts.push(
    `<p id="drill">${
      drill.state === 'unknown'
        ? unknownHtml(drill)
        : drill.state === 'none'
          ? `<span class="warn">⚠ ${escapeHtml(drill.reason)}</span>`
          : `<span class="${drill.state}">${GLYPH[drill.state]} ${escapeHtml(drill.tag)} ${drill.state}</span> at ${escapeHtml(drill.at)} (${drill.age_days} day(s) ago${drill.overdue ? ', <span class="fail">overdue</span>' : ''})${drill.run_url ? ` ${link('run', drill.run_url)}` : ''}`
    }</p>`,
  );
  parts.push('<h2>Secrets older than 90 days</h2>');
  const secrets = model.secrets;
  parts.push(
    secrets.state === 'checked'
      ? secrets.overdue.length === 0
        ? `<p>None of ${secrets.total}.</p>`
        : `<ul id="secrets">${secrets.overdue.map((secret) => `<li class="warn">${escapeHtml(secret.name)}: updated ${escapeHtml(secret.updated_at)} (${secret.age_days} days)</li>`).join('')}</ul>`
      : `<p id="secrets">${secrets.state === 'unknown' ? unknownHtml(secrets) : `not checked: ${escapeHtml(secrets.reason)}`}</p>`,
  );
  return parts;
}

/** posture.html: one self-contained page, no script, nothing loaded from anywhere. */
export function renderPostureHtml(model: PostureModel): string {
  const verdictClass = model.verdict.exit_code === 1 ? 'fail' : model.warnings.length > 0 ? 'warn' : 'pass';
  const freeze = model.freeze;
  const banner =
    freeze.state === 'unknown'
      ? `<div class="banner unknown" id="freeze" data-state="unknown">Freeze: ${unknownHtml(freeze)}</div>`
      : freeze.state === 'on'
        ? `<div class="banner on" id="freeze" data-state="on">Release freeze ON: ${escapeHtml(freeze.reason)} — incident ${link(freeze.incident ?? '–', freeze.incident)}; set by ${escapeHtml(freeze.set_by)} at ${escapeHtml(freeze.set_at)}</div>`
        : `<div class="banner" id="freeze" data-state="off">Release freeze off <span class="muted">(${escapeHtml(freeze.location)})</span></div>`;
  const parts: string[] = [];
  parts.push(`<h1 class="${verdictClass}" id="verdict">${escapeHtml(model.verdict.line)}</h1>`);
  parts.push(
    `<p class="muted">Last known status as of ${escapeHtml(model.generated_at)}${model.since ? `, since ${escapeHtml(model.since)}` : ''}.</p>`,
    banner,
  );
  parts.push('<h2>Releases</h2>');
  if (model.manifest.state === 'unknown')
    parts.push(`<p id="releases-unknown">${unknownHtml(model.manifest)}</p>`);
  else if (model.releases.length === 0) parts.push('<p>No release recorded.</p>');
  else {
    parts.push(
      `<div class="table"><table id="releases"><thead><tr><th>Release</th><th>First recorded</th>${RELEASE_CONTROLS.map((name) => `<th>${name}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const row of model.releases) {
      const cells = RELEASE_CONTROLS.map((name) => {
        const cell = row.controls[name];
        if (cell.state === 'no data') return '<td class="nodata">no data</td>';
        const text = `${GLYPH[cell.status]} ${cell.status}${cell.failure_reason ? ` ${cell.failure_reason}` : ''}`;
        return `<td class="${cell.status}" data-control="${name}">${link(text, cell.run_url)}<br><span class="muted">${escapeHtml(cell.at)}</span>${cell.detail ? `<br>${escapeHtml(cell.detail)}` : ''}</td>`;
      });
      parts.push(
        `<tr class="release"><td>${escapeHtml(row.tag)}</td><td>${escapeHtml(row.first_recorded_at)}</td>${cells.join('')}</tr>`,
      );
    }
    parts.push('</tbody></table></div>');
  }
  parts.push(...detailSectionsHtml(model));
  parts.push('<h2>Metrics</h2>', trendSvg(model));
  parts.push(
    `<div class="table"><table id="metrics"><tbody>${Object.entries(model.metrics)
      .map(
        ([name, metric]) =>
          `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(metricText(metric))}</td></tr>`,
      )
      .join('')}</tbody></table></div>`,
  );
  if (model.warnings.length > 0)
    parts.push(
      '<h2>Warnings</h2>',
      `<ul id="warnings">${model.warnings.map((warning) => `<li class="warn">${escapeHtml(warning)}</li>`).join('')}</ul>`,
    );
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${POSTURE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(model.verdict.line)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...parts,
    '</body></html>',
    '',
  ].join('\n');
}
