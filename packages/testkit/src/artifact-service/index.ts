export {
  ArtifactTestService,
  startArtifactService,
  twirpErrorBody,
  ARTIFACT_SERVICE,
  type ArtifactRequest,
  type StoredArtifact,
} from './server';
export { startAzuriteBlob, AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY, type AzuriteBlobServer } from './azurite';
