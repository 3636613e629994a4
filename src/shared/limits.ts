/**
 * Length limits shared by the CLI, the engine and the profile schemas. Plain constants with no
 * imports, so the CLI can check its flags without loading zod at start-up.
 */

/** The longest a DNS name can be written (RFC 1035 §2.3.4, without the trailing dot). */
export const HOST_MAX_LENGTH = 253;
