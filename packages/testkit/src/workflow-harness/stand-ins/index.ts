export { checkoutStandIn, type CheckoutStandInOptions } from './checkout';
export { createArtifactStore, type ArtifactStore, type ArtifactStoreOptions } from './artifacts';
export { attestStandIn, type AttestStandInOptions } from './attest';
export { standInName } from './types';
