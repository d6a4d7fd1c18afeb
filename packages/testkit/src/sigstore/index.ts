export * from './identity';
export * from './server';
export * from './sign';
export * from './statements';
