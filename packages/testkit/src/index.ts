export * from './sigstore';
export * from './github';
export * from './zip';
export * from './action-runner';
export * from './slack';
export * from './workflow-policy/workflow-policy';
export * from './optional-suite';
export * from './node-runtimes';
