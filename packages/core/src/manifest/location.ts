import manifestSchema from './manifest.schema.json';

/** Where the product keeps the manifest unless told otherwise. */
export const DEFAULT_MANIFEST_PATH = 'docs/reports/manifest.json';

/** A workflow run id as the manifest schema takes it: decimal digits, no leading zero. */
export const RUN_ID_PATTERN = new RegExp(manifestSchema.$defs.entry.properties.run_id.pattern);
