export { startGitHubServer, GitHubTestServer, type GitHubServerOptions, type LoggedRequest } from './server';
export {
  FaultQueue,
  defaultErrorBody,
  secondaryRateLimit,
  primaryRateLimit,
  missingPermission,
  badCredentials,
  type Fault,
  type FaultSpec,
} from './faults';
export { BlobHost, type BlobRequest } from './blob-host';
export { ROUTES, type Route } from './routes';
export type { ServerUrls } from './render';
export * from './state';
