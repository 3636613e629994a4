export { ProfileStore, ProfileNameError } from './store';
export { cliProfilesFile, CONFIG_DIR_ENV, PROFILES_FILE_NAME } from './paths';
export {
  profileNameProblem,
  isValidProfileName,
  PROFILE_NAME_MAX_LENGTH,
  RESERVED_NAME_SUFFIX,
} from './name';
export {
  PROFILES_FORMAT,
  storedProfileSchema,
  strictProfileSchema,
  profileNameSchema,
  hostSchema,
  portSchema,
  smtpLineSchema,
  caFileSchema,
  timeoutMsSchema,
  CA_FILE_MAX_LENGTH,
  HOST_MAX_LENGTH,
  ADDRESS_MAX_LENGTH,
  USER_MAX_LENGTH,
} from './schema';
export { writeFileAtomic } from './atomic-write';
