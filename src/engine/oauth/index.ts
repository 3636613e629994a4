/**
 * Modern Auth for Outlook.com / Microsoft 365 SMTP: "Sign in with Microsoft" (browser with PKCE
 * and a loopback redirect, or a device code), silent refresh from the keychain, sign-out, and
 * errors mapped to the diagnosis catalogue. Electron-free: the CLI and tests use it directly.
 */
export { PERSONAL_TENANT, SIGN_IN_SCOPES, resolveClientId, type OAuthConfig } from './config';
export { OAuthError, type OAuthErrorCode } from './errors';
export { signInWithBrowser, type BrowserSignInOptions } from './browser-sign-in';
export { loopbackUnavailableError } from './loopback';
export { signInWithDeviceCode, type DeviceCodeInfo, type DeviceSignInOptions } from './device-sign-in';
export type { SignInResult } from './sign-in-result';
export { createTokenProvider, getAccessTokenSilently, signOut, type CachedAccessToken } from './silent';
export { REFRESH_TOKEN_KIND, type PersistTarget, type RefreshTokenStore } from './store';
export {
  createOAuthService,
  type DeviceCodePrompt,
  type OAuthSignInFlow,
  type OAuthSignInHooks,
  type OAuthSignInRequest,
  type OAuthProfileSettings,
  type OAuthService,
  type OAuthServiceDeps,
} from './service';
