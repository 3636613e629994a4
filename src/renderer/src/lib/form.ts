import type { RunProbeInput } from '../../../shared/ipc';
import type { AuthInput, ProbeRequest, SecurityMode } from '../../../shared/probe-types';
import type { Profile } from '../../../shared/profile-types';
import {
  CUSTOM_PROVIDER_ID,
  detectProvider,
  getProvider,
  presetUsername,
  type ProviderPreset,
} from '../../../shared/providers';
import type { OAuthSupport, Usage, UsageKind } from '../../../shared/usage';
import type { MessageKey } from '../i18n/messages';

export type AuthMethod = Profile['authMethod'];

/** Everything the Account screen edits. The password lives here in memory only, never in a profile. */
export interface AccountForm {
  email: string;
  providerId: string;
  host: string;
  /** Kept as typed so the field can be edited freely; validated on submit. */
  port: string;
  security: SecurityMode;
  authMethod: AuthMethod;
  user: string;
  password: string;
  oauthClientId: string;
  oauthTenant: string;
  /** Where the settings will be used; null until the user says. */
  usageKind: UsageKind | null;
  /** Whether that program offers "Sign in with Microsoft / Google". */
  usageSignIn: OAuthSupport;
  saveProfile: boolean;
  profileName: string;
  savePassword: boolean;
  /**
   * With no keychain: the user accepted to save the settings without the password (typed again
   * at each test). Asked for explicitly, so nobody believes the password was kept.
   */
  saveWithoutPassword: boolean;
  sendTest: boolean;
  from: string;
  to: string;
  /** Name of the saved profile this form was loaded from (its secret may be in the keychain). */
  loadedProfile: string | null;
}

export const EMPTY_FORM: AccountForm = {
  email: '',
  providerId: CUSTOM_PROVIDER_ID,
  host: '',
  port: '587',
  security: 'starttls',
  authMethod: 'password',
  user: '',
  password: '',
  oauthClientId: '',
  oauthTenant: 'consumers',
  usageKind: null,
  usageSignIn: 'unknown',
  saveProfile: false,
  profileName: '',
  savePassword: true,
  saveWithoutPassword: false,
  sendTest: false,
  from: '',
  to: '',
  loadedProfile: null,
};

/** What a preset needs to know about this copy of Mailcheck. */
export interface PresetOptions {
  /** "Sign in with Microsoft" can work here (the distribution configured a client id). */
  signInAvailable?: boolean;
}

/** The sign-in method a preset starts with (the user's choice stays editable). */
function presetAuthMethod(form: AccountForm, preset: ProviderPreset, opts: PresetOptions): AuthMethod {
  if (preset.auth.oauthDefault && opts.signInAvailable && form.usageSignIn !== 'no') return 'oauth2';
  // Microsoft's sign-in means nothing to another provider's server.
  if (form.authMethod === 'oauth2' && !preset.oauthTenant) return 'password';
  return form.authMethod;
}

/** Fills the server fields from a preset; the user's own entries (email, password…) stay. */
export function applyPreset(
  form: AccountForm,
  preset: ProviderPreset | null,
  opts: PresetOptions = {},
): AccountForm {
  if (!preset) return { ...form, providerId: CUSTOM_PROVIDER_ID };
  return {
    ...form,
    authMethod: presetAuthMethod(form, preset, opts),
    providerId: preset.id,
    host: preset.smtp.host,
    port: String(preset.smtp.port),
    security: preset.smtp.security,
    user: form.email.includes('@') ? presetUsername(preset, form.email) : form.user,
    oauthTenant: preset.oauthTenant ?? form.oauthTenant,
    profileName: form.profileName || form.email.trim(),
  };
}

/** Applies a new email: recognises the provider and keeps the fields that followed the old email in step. */
export function withEmail(form: AccountForm, email: string, opts: PresetOptions = {}): AccountForm {
  const old = form.email.trim();
  const next: AccountForm = { ...form, email };
  // A relay's login is not an address of yours: the user field does not follow the email there.
  const rule = getProvider(form.providerId)?.auth.username ?? 'email';
  const userFollowsEmail = rule === 'email' || rule === 'local-part';
  if (userFollowsEmail && (!form.user || form.user === old)) next.user = email.trim();
  if (!form.profileName || form.profileName === old) next.profileName = email.trim();
  if (!form.from || form.from === old) next.from = email.trim();
  const preset = detectProvider(email);
  return preset && preset.id !== form.providerId ? applyPreset(next, preset, opts) : next;
}

/**
 * A fresh form for trying another way to send (the way-out panel, a guide's "Try" button): the
 * preset's server, password sign-in, and nothing of the old account but where it will be used.
 * `custom` gives a blank server for the user's own hosting provider.
 */
export function formForTrying(form: AccountForm, presetId: string): AccountForm {
  const fresh: AccountForm = {
    ...EMPTY_FORM,
    usageKind: form.usageKind,
    usageSignIn: form.usageSignIn,
    authMethod: 'password',
  };
  const preset = getProvider(presetId);
  if (!preset) return { ...fresh, providerId: CUSTOM_PROVIDER_ID };
  return { ...applyPreset(fresh, preset), user: presetUsername(preset, ''), authMethod: 'password' };
}

export function formFromProfile(p: Profile): AccountForm {
  return {
    ...EMPTY_FORM,
    email: p.email ?? '',
    providerId: p.provider ?? CUSTOM_PROVIDER_ID,
    host: p.host,
    port: String(p.port),
    security: p.security,
    authMethod: p.authMethod,
    user: p.user ?? '',
    oauthClientId: p.oauth?.clientId ?? '',
    oauthTenant: p.oauth?.tenant ?? getProvider(p.provider ?? '')?.oauthTenant ?? 'consumers',
    usageKind: p.usage?.kind ?? null,
    usageSignIn: p.usage?.signIn ?? 'unknown',
    saveProfile: true,
    profileName: p.name,
    sendTest: Boolean(p.from && p.to),
    from: p.from ?? '',
    to: p.to ?? '',
    loadedProfile: p.name,
  };
}

export function profileFromForm(form: AccountForm, now: Date = new Date()): Profile {
  const profile: Profile = {
    name: form.profileName.trim(),
    host: form.host.trim(),
    port: Number(form.port),
    security: form.security,
    authMethod: form.authMethod,
    updatedAt: now.toISOString(),
  };
  if (form.email.trim()) profile.email = form.email.trim();
  profile.provider = form.providerId;
  if (form.authMethod !== 'none' && form.user.trim()) profile.user = form.user.trim();
  if (form.authMethod === 'oauth2' && form.oauthClientId.trim()) {
    profile.oauth = { clientId: form.oauthClientId.trim(), tenant: form.oauthTenant.trim() || 'consumers' };
  }
  const usage = usageOfForm(form);
  if (usage) profile.usage = usage;
  if (form.sendTest && form.from.trim() && form.to.trim()) {
    profile.from = form.from.trim();
    profile.to = form.to.trim();
  }
  return profile;
}

/**
 * Records where the settings will be used. A program that can only send a password is tested with
 * a password: Mailcheck's own "Sign in with Microsoft" would prove nothing about it.
 */
export function withUsage(form: AccountForm, usageKind: UsageKind, usageSignIn: OAuthSupport): AccountForm {
  const next: AccountForm = { ...form, usageKind, usageSignIn };
  if (usageSignIn === 'no' && form.authMethod === 'oauth2') next.authMethod = 'password';
  return next;
}

/** Where the settings will be used, once the user has said. */
export function usageOfForm(form: AccountForm): Usage | null {
  return form.usageKind ? { kind: form.usageKind, signIn: form.usageSignIn } : null;
}

/**
 * The form with the client id Microsoft's sign-in will use: the one typed under "Advanced", else
 * the distribution's (app:info), so that a saved OAuth account always records it.
 */
export function withClientId(form: AccountForm, distributionClientId: string | null): AccountForm {
  if (form.authMethod !== 'oauth2' || form.oauthClientId.trim() || !distributionClientId) return form;
  return { ...form, oauthClientId: distributionClientId };
}

/** What the form needs to know about the system keychain. */
export interface KeychainState {
  /** False only when keychain:status said it is unavailable (unknown counts as available). */
  available: boolean;
}

/** Whether saving this form would store a typed password in the keychain, if it could. */
function wantsPasswordSaved(form: AccountForm): boolean {
  return form.saveProfile && form.authMethod === 'password' && form.password !== '';
}

export function validateForm(form: AccountForm, keychain: KeychainState = { available: true }): MessageKey[] {
  const problems: MessageKey[] = [];
  if (!form.host.trim()) problems.push('account.missingHost');
  const port = Number(form.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push('account.badPort');
  if (form.saveProfile && !form.profileName.trim()) problems.push('account.missingProfileName');
  if (form.sendTest && (!form.from.trim() || !form.to.trim())) problems.push('account.missingSend');
  // No keychain: the password cannot be kept, and the user has not yet said that the settings alone will do.
  if (!keychain.available && wantsPasswordSaved(form) && !form.saveWithoutPassword) {
    problems.push('account.keychainChoose');
  }
  return problems;
}

/** Whether the run should use the secret saved in the keychain for the loaded profile. */
function usesSavedSecret(form: AccountForm): boolean {
  if (form.authMethod === 'oauth2') return Boolean(form.profileName.trim());
  return form.authMethod === 'password' && !form.password && form.loadedProfile !== null;
}

function authInput(form: AccountForm): AuthInput | undefined {
  const user = form.user.trim();
  if (form.authMethod === 'none') return undefined;
  if (form.authMethod === 'oauth2') return { method: 'oauth2', user };
  return { method: 'password', user, password: form.password };
}

/** What probe:run receives. The password goes only in memory, to the main process. */
export function buildRunInput(
  form: AccountForm,
  runId: string,
  keychain: KeychainState = { available: true },
): RunProbeInput {
  const request: Omit<ProbeRequest, 'caPem'> = {
    host: form.host.trim(),
    port: Number(form.port),
    security: form.security,
  };
  const savedSecret = usesSavedSecret(form);
  const auth = authInput(form);
  // With a saved password the main process builds the login from the profile and the keychain:
  // the renderer never holds that password, so it sends no password login of its own.
  if (auth && !(savedSecret && auth.method === 'password')) request.auth = auth;
  if (form.sendTest) request.send = { from: form.from.trim(), to: form.to.trim() };
  const input: RunProbeInput = { runId, request };
  if (savedSecret) input.profileName = form.loadedProfile ?? form.profileName.trim();
  // saveAs saves the settings and the result after the test, and the typed password too only when
  // the user asked for it and a keychain can take it: a run that is bound to fail on saving the
  // password (main refuses it before testing) is never sent.
  if (wantsPasswordSaved(form)) {
    const keep = form.savePassword && keychain.available;
    if (keep || (!keychain.available && form.saveWithoutPassword)) {
      input.saveAs = form.profileName.trim();
      if (!keep) input.savePassword = false;
    }
  }
  return input;
}

/** A run id unique enough to match progress events to this run. */
export function newRunId(): string {
  return globalThis.crypto.randomUUID();
}
