import { releaseGuardMatchers } from './matchers';

expect.extend(releaseGuardMatchers);
