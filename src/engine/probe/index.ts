/** The probe engine: Electron-free, used by the main process, the CLI and the tests. */
export { runProbe, type RunProbeOptions } from './run';
export { validateProbeRequest, ProbeInputError } from './validate';
export { classify, factsFromError, RULES, type FailureFacts } from '../smtp/classify';
export { DEFAULT_TIMEOUT_MS } from './constants';
export { assertHooksAvailable } from '../smtp/session';
