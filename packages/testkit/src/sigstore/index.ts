export * from './identity';
export * from './server';
export * from './sign';
export * from './statements';
export * from './sign-with-key';
export * from './cosign-key';
export * from './oidc-token-server';
export * from './rekor-v2';
