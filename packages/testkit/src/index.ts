export * from './sigstore';
export * from './github';
export * from './zip';
export * from './action-runner';
export * from './slack';
export * from './optional-suite';
