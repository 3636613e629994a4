export { ProfileStore, ProfileNameError } from './store';
export { cliProfilesFile } from './paths';
export { profileNameProblem } from './name';
export { strictProfileSchema } from './schema';
