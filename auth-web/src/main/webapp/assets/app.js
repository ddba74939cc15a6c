// Latchkey sign-in page: password and passkey sign-up and sign-in, passkey management, recovery codes.
// No inline script anywhere (the page is served with a strict Content-Security-Policy).
"use strict";

(() => {
  const REFRESH_KEY = "latchkey.refresh";
  const REAUTHENTICATION_REQUIRED = "urn:latchkey:problem:reauthentication-required";
  const MAX_RETURN_LENGTH = 2048;
  const EXPIRY_MARGIN_MS = 30_000;
  const FEW_RECOVERY_CODES = 2;
  const $ = (id) => document.getElementById(id);
  const passkeysSupported = typeof window.PublicKeyCredential === "function" && !!navigator.credentials;

  // Where to go after signing in: a path on this origin only, never another site (the server's
  // ReturnPath applies the same rule): one leading "/", no "\\", no control characters, also after
  // one round of percent-decoding.
  const isPath = (value) => value.startsWith("/") && !value.startsWith("//") && !value.includes("\\")
    && !/[\u0000-\u001f\u007f]/.test(value);
  function safeReturn(raw) {
    if (!raw || raw.length > MAX_RETURN_LENGTH || !isPath(raw)) return null;
    try {
      return isPath(decodeURIComponent(raw)) ? raw : null;
    } catch {
      return null;
    }
  }
  const QUERY = new URLSearchParams(window.location.search);
  const RETURN_TO = safeReturn(QUERY.get("return"));
  // Sent by an application on another server (OpenID Connect): its registered name, looked up here.
  const CLIENT_ID = QUERY.get("client");
  // The application asked for a new sign-in (prompt=login, max_age): a live session is not enough.
  const FRESH_SIGN_IN = QUERY.get("fresh") === "1";

  let accessToken = null;
  let accessExpiresAt = 0;
  let autofill = null; // AbortController of the background (conditional) passkey request
  let account = null; // { id, username } of the signed-in account
  let pendingChange = null; // an action refused for a stale sign-in, retried after a fresh one

  class ApiError extends Error {
    constructor(status, problem, retryAfter) {
      super((problem && (problem.detail || problem.title)) || `Request failed (${status}).`);
      this.status = status;
      this.problem = problem || {};
      this.retryAfter = retryAfter;
    }
  }

  // ---- base64url <-> bytes, for browsers without the WebAuthn JSON helpers ----
  const toBytes = (b64url) => {
    const b64 = b64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((b64url.length + 3) % 4);
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
  };
  const toB64url = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };

  function creationOptions(json) {
    if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function") {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    const options = structuredClone(json);
    options.challenge = toBytes(options.challenge);
    options.user.id = toBytes(options.user.id);
    (options.excludeCredentials || []).forEach((c) => { c.id = toBytes(c.id); });
    return options;
  }

  function requestOptions(json) {
    if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function") {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    const options = structuredClone(json);
    options.challenge = toBytes(options.challenge);
    (options.allowCredentials || []).forEach((c) => { c.id = toBytes(c.id); });
    return options;
  }

  function credentialJson(credential) {
    if (typeof credential.toJSON === "function") return credential.toJSON();
    const r = credential.response;
    const response = { clientDataJSON: toB64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toB64url(r.attestationObject);
      response.transports = typeof r.getTransports === "function" ? r.getTransports() : [];
    } else {
      response.authenticatorData = toB64url(r.authenticatorData);
      response.signature = toB64url(r.signature);
      if (r.userHandle) response.userHandle = toB64url(r.userHandle);
    }
    return {
      id: credential.id, rawId: toB64url(credential.rawId), type: credential.type, response,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
    };
  }

  // ---- the API ----
  async function call(path, { method = "POST", body, auth = false, retried = false, extraHeaders = {} } = {}) {
    const headers = { Accept: "application/json, application/problem+json", ...extraHeaders };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (auth) {
      await ensureFreshAccess();
      headers.Authorization = `Bearer ${accessToken}`;
    }
    const response = await fetch(path, {
      method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && auth && !retried && await refresh()) {
      return call(path, { method, body, auth, retried: true, extraHeaders });
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch { data = null; }
    }
    if (!response.ok) throw new ApiError(response.status, data, response.headers.get("Retry-After"));
    return data;
  }

  function useTokens(tokens) {
    accessToken = tokens.access_token;
    accessExpiresAt = Date.now() + tokens.expires_in * 1000;
    sessionStorage.setItem(REFRESH_KEY, tokens.refresh_token);
  }

  function forgetTokens() {
    accessToken = null;
    accessExpiresAt = 0;
    sessionStorage.removeItem(REFRESH_KEY);
  }

  async function refresh() {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    try {
      useTokens(await call("api/token/refresh", { body: { refresh_token: refreshToken } }));
      return true;
    } catch {
      forgetTokens();
      return false;
    }
  }

  async function ensureFreshAccess() {
    if (!accessToken || Date.now() > accessExpiresAt - EXPIRY_MARGIN_MS) {
      if (!await refresh()) throw new ApiError(401, { detail: "Your session has ended; sign in again." });
    }
  }

  // ---- messages ----
  function say(text, kind) {
    const message = $("message");
    message.textContent = text;
    message.className = kind || "";
  }

  function clearFieldErrors() {
    document.querySelectorAll(".field-error").forEach((p) => { p.textContent = ""; });
  }

  function explain(error) {
    if (error instanceof ApiError) {
      (error.problem.errors || []).forEach((e) => {
        const slot = document.querySelector(`.field-error[data-field="${CSS.escape(e.field)}"]`);
        if (slot) slot.textContent = e.message;
      });
      if (error.status === 429) {
        return `Too many attempts. Try again in ${error.retryAfter || "a few"} seconds.`;
      }
      return error.message;
    }
    switch (error && error.name) {
      case "NotAllowedError": return "The passkey request was cancelled or timed out.";
      case "InvalidStateError": return "This authenticator already holds a passkey for this account.";
      case "SecurityError": return "This page's address does not match the passkey service's relying party.";
      case "NotSupportedError": return "This authenticator does not support the requested passkey type.";
      default: return "Something went wrong; please try again.";
    }
  }

  // ---- step-up: changes to how one signs in need a recent sign-in ----
  function needsReauthentication(error) {
    return error instanceof ApiError && error.status === 403 && error.problem.type === REAUTHENTICATION_REQUIRED;
  }

  function askToReauthenticate(change) {
    pendingChange = change;
    $("reauth-password").value = "";
    $("reauth-view").hidden = false;
    document.body.dataset.reauth = "true";
    say("For your security, sign in again to make this change.", "error");
  }

  function closeReauthentication() {
    pendingChange = null;
    $("reauth-password").value = "";
    $("reauth-view").hidden = true;
    document.body.dataset.reauth = "false";
  }

  const subjectOf = (jwt) => {
    try {
      return JSON.parse(new TextDecoder().decode(toBytes(jwt.split(".")[1]))).sub;
    } catch {
      return null;
    }
  };

  // Best effort: the session a fresh sign-in replaces ends, so no forgotten session stays live.
  async function endSession(access, refreshToken) {
    try {
      await fetch("api/logout", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${access}` },
        body: JSON.stringify(refreshToken ? { refresh_token: refreshToken } : {}),
      });
    } catch {
      // the old session still ends at its lifetime
    }
  }

  // A fresh sign-in of the same account: use its tokens, then make the change that was refused.
  async function resumeWith(tokens) {
    if (!account || subjectOf(tokens.access_token) !== account.id) {
      await endSession(tokens.access_token, tokens.refresh_token);
      throw new ApiError(403, { detail: "That sign-in is for another account; confirm with your own." });
    }
    const previous = { access: accessToken, refresh: sessionStorage.getItem(REFRESH_KEY) };
    useTokens(tokens);
    if (previous.access) await endSession(previous.access, previous.refresh);
    await openBrowserSession(); // the ended session took the browser session with it
    const change = pendingChange;
    closeReauthentication();
    if (!change) return;
    try {
      await change();
    } catch (error) {
      if (!needsReauthentication(error)) throw error;
      askToReauthenticate(change);
    }
  }

  // Runs one user action: busy state, errors shown, never two at once.
  async function act(action) {
    if (document.body.dataset.busy === "true") return;
    document.body.dataset.busy = "true";
    document.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    clearFieldErrors();
    say("");
    try {
      await action();
    } catch (error) {
      if (needsReauthentication(error)) {
        askToReauthenticate(action);
      } else {
        say(explain(error), "error");
      }
    } finally {
      document.querySelectorAll("button").forEach((b) => { b.disabled = false; });
      if (!passkeysSupported) disablePasskeyButtons();
      document.body.dataset.busy = "false";
    }
  }

  function disablePasskeyButtons() {
    ["signin-passkey", "signup-passkey", "add-passkey", "reauth-passkey", "recovery-add-passkey"].forEach((id) => { $(id).disabled = true; });
  }

  const field = (id) => $(id).value.trim();

  // ---- passkey ceremonies ----
  function stopAutofill() {
    if (autofill) {
      autofill.abort();
      autofill = null;
    }
  }

  async function createPasskey(options) {
    stopAutofill();
    const credential = await navigator.credentials.create({ publicKey: creationOptions(options.publicKey) });
    return credentialJson(credential);
  }

  async function finishSignIn(requestId, credential) {
    await signedIn(await call("api/webauthn/login", { body: { requestId, credential: credentialJson(credential) } }));
  }

  // The sign-in becomes the browser session every application on the server accepts (its cookie).
  async function openBrowserSession() {
    try {
      await call("api/sso/session", { auth: true });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error; // browser sign-on is off here
    }
  }

  // After every kind of sign-in: the browser session, then back where the person was going.
  async function signedIn(tokens, welcome) {
    useTokens(tokens);
    await openBrowserSession();
    if (RETURN_TO) {
      document.body.dataset.state = "leaving";
      window.location.assign(RETURN_TO);
      return;
    }
    await showAccount();
    if (welcome) say(welcome, "ok");
  }

  // A browser that arrives with a live session cookie is signed in on the page too.
  async function resumeBrowserSession() {
    try {
      useTokens(await call("api/sso/token", { extraHeaders: { "X-Requested-With": "latchkey" } }));
      return true;
    } catch {
      return false;
    }
  }

  async function showApplicationName() {
    try {
      const client = await call(`api/oidc/clients/${encodeURIComponent(CLIENT_ID)}`, { method: "GET" });
      $("destination-path").textContent = client.name;
    } catch {
      // An unknown client: the path stays, and the authorization endpoint refuses it anyway.
    }
  }

  async function startAutofill() {
    if (!passkeysSupported || typeof PublicKeyCredential.isConditionalMediationAvailable !== "function") return;
    if (!await PublicKeyCredential.isConditionalMediationAvailable()) return;
    stopAutofill();
    const controller = new AbortController();
    autofill = controller;
    try {
      const options = await call("api/webauthn/login/options", { body: {} });
      const credential = await navigator.credentials.get({
        publicKey: requestOptions(options.publicKey), mediation: "conditional", signal: controller.signal,
      });
      if (autofill !== controller) return;
      autofill = null;
      await act(() => finishSignIn(options.requestId, credential));
    } catch (error) {
      if (error && error.name === "AbortError") return;
      if (autofill === controller) {
        autofill = null;
        say(explain(error), "error");
      }
    }
  }

  // ---- views ----
  function showSignIn() {
    setMode("signin");
    hideRecoveryCodes();
    $("recovery-next").hidden = true;
    closeReauthentication();
    account = null;
    $("account-view").hidden = true;
    $("signin-view").hidden = false;
    document.body.dataset.state = "signed-out";
    startAutofill();
  }

  async function showAccount() {
    const [me, passkeys, recovery] = await Promise.all([
      call("api/me", { method: "GET", auth: true }),
      call("api/me/passkeys", { method: "GET", auth: true }),
      call("api/me/recovery-codes", { method: "GET", auth: true }),
    ]);
    stopAutofill();
    account = { id: me.id, username: me.username };
    $("account-username").textContent = me.username;
    $("account-display-name").textContent = me.displayName;
    renderPasskeys(passkeys);
    renderRecovery(recovery, passkeys.length);
    $("password").value = "";
    $("recovery-code").value = "";
    $("signin-view").hidden = true;
    $("account-view").hidden = false;
    document.body.dataset.state = "signed-in";
  }

  function renderPasskeys(passkeys) {
    const list = $("passkey-list");
    list.replaceChildren();
    $("passkey-count").textContent = String(passkeys.length);
    for (const passkey of passkeys) {
      const item = document.createElement("li");
      item.className = "passkey";
      item.dataset.id = passkey.id;
      const name = document.createElement("span");
      name.className = "passkey-name";
      name.textContent = passkey.nickname;
      const rename = button("Rename", "rename", () => startRename(item, passkey));
      const remove = button("Delete", "delete", () => confirmDelete(item, passkey, remove));
      const meta = document.createElement("span");
      meta.className = "meta";
      const used = passkey.lastUsedAt ? `last used ${new Date(passkey.lastUsedAt).toLocaleString()}` : "not used yet";
      meta.textContent = `Added ${new Date(passkey.createdAt).toLocaleDateString()}, ${used}${passkey.backedUp ? ", synced" : ""}`;
      item.append(name, rename, remove, meta);
      list.append(item);
    }
  }

  // How many recovery codes are left; offered once the account has a passkey to lose, and a
  // warning when only a few remain.
  function renderRecovery(status, passkeyCount) {
    const section = $("recovery-section");
    const warning = $("recovery-warning");
    const hasSet = !!status.createdAt;
    section.dataset.remaining = String(status.remaining);
    section.dataset.offer = String(!hasSet && passkeyCount > 0);
    $("create-recovery-codes").textContent = hasSet ? "Replace recovery codes" : "Create recovery codes";
    if (!hasSet) {
      $("recovery-status").textContent = passkeyCount > 0
        ? "You have no recovery codes. Create them now: they let you back in if you lose your passkey."
        : "Recovery codes let you back in if you lose your passkey or forget your password.";
    } else {
      $("recovery-status").textContent = `${status.remaining} of 10 recovery codes left (made ${new Date(status.createdAt).toLocaleDateString()}).`;
    }
    warning.hidden = !(hasSet && status.remaining <= FEW_RECOVERY_CODES);
    warning.textContent = status.remaining === 0
      ? "You have used all your recovery codes. Create a new set."
      : `Only ${status.remaining} recovery ${status.remaining === 1 ? "code is" : "codes are"} left. Create a new set.`;
  }

  async function reloadRecovery() {
    const [recovery, passkeys] = await Promise.all([
      call("api/me/recovery-codes", { method: "GET", auth: true }),
      call("api/me/passkeys", { method: "GET", auth: true }),
    ]);
    renderRecovery(recovery, passkeys.length);
  }

  function showRecoveryCodes(codes) {
    const list = $("recovery-code-list");
    list.replaceChildren(...codes.map((code) => {
      const item = document.createElement("li");
      item.textContent = code;
      return item;
    }));
    $("recovery-codes-view").hidden = false;
  }

  function hideRecoveryCodes() {
    $("recovery-code-list").replaceChildren();
    $("recovery-codes-view").hidden = true;
  }

  function button(label, className, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function startRename(item, passkey) {
    if (item.querySelector(".rename-input")) return;
    const input = document.createElement("input");
    input.className = "rename-input";
    input.value = passkey.nickname;
    input.maxLength = 64;
    input.setAttribute("aria-label", "New name");
    const save = button("Save", "rename-save", () => act(async () => {
      await call(`api/me/passkeys/${encodeURIComponent(passkey.id)}`, { method: "PATCH", body: { nickname: input.value.trim() }, auth: true });
      await reloadPasskeys();
      say("Passkey renamed.", "ok");
    }));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") save.click();
      if (event.key === "Escape") { input.remove(); save.remove(); }
    });
    item.querySelector(".passkey-name").after(input, save);
    input.focus();
  }

  function confirmDelete(item, passkey, deleteButton) {
    if (item.querySelector(".delete-confirm")) return;
    const confirm = button("Confirm delete", "delete-confirm", () => act(async () => {
      await call(`api/me/passkeys/${encodeURIComponent(passkey.id)}`, { method: "DELETE", auth: true });
      await reloadPasskeys();
      say("Passkey deleted.", "ok");
    }));
    deleteButton.after(confirm);
    confirm.focus();
  }

  async function reloadPasskeys() {
    renderPasskeys(await call("api/me/passkeys", { method: "GET", auth: true }));
  }

  // ---- actions ----
  const actions = {
    "signup-password": async () => {
      const username = field("username");
      const displayName = field("display-name") || undefined;
      const password = $("password").value;
      await call("api/accounts", { body: { username, password, displayName } });
      await signedIn(await call("api/login", { body: { username, password } }), "Account created. Welcome!");
    },
    "signin-password": async () => {
      await signedIn(await call("api/login", { body: { username: field("username"), password: $("password").value } }));
    },
    "signup-passkey": async () => {
      const options = await call("api/webauthn/register/options", {
        body: { username: field("username"), displayName: field("display-name") || undefined },
      });
      const credential = await createPasskey(options);
      const result = await call("api/webauthn/register", { body: { requestId: options.requestId, credential } });
      await signedIn(result.tokens, "Account created with a passkey. Welcome!");
    },
    "signin-passkey": async () => {
      stopAutofill();
      const username = field("username");
      const options = await call("api/webauthn/login/options", { body: username ? { username } : {} });
      const credential = await navigator.credentials.get({ publicKey: requestOptions(options.publicKey) });
      await finishSignIn(options.requestId, credential);
    },
    "add-passkey": async () => {
      const options = await call("api/webauthn/register/options", { body: {}, auth: true });
      const credential = await createPasskey(options);
      await call("api/webauthn/register", { body: { requestId: options.requestId, credential } });
      await reloadPasskeys();
      await reloadRecovery();
      say($("recovery-section").dataset.offer === "true" ? "Passkey added. Now create recovery codes, in case you lose it." : "Passkey added.", "ok");
    },
    "recovery-add-passkey": async () => {
      await actions["add-passkey"]();
      $("recovery-next").hidden = true;
    },
    "set-password": async () => {
      await call("api/me/password", { method: "PUT", body: { newPassword: $("new-password").value }, auth: true });
      $("new-password").value = "";
      $("recovery-next").hidden = true;
      await showAccount();
      say("Password set. Your other sessions were signed out.", "ok");
    },
    "show-recovery": async () => setMode("recovery"),
    "recovery-back": async () => setMode("signin"),
    "signin-recovery": async () => {
      const tokens = await call("api/login/recovery", { body: { username: field("username"), code: field("recovery-code") } });
      // Not back to an application yet: first a new way to sign in, while this sign-in is fresh.
      useTokens(tokens);
      await openBrowserSession();
      await showAccount();
      $("recovery-next").hidden = false;
      document.body.dataset.recovered = "true";
      say("Signed in with a recovery code; that code is now used up.", "ok");
    },
    "create-recovery-codes": async () => {
      const created = await call("api/me/recovery-codes", { auth: true });
      showRecoveryCodes(created.codes);
      await reloadRecovery();
      say("New recovery codes made; any earlier ones no longer work.", "ok");
    },
    "reauth-passkey": async () => {
      const options = await call("api/webauthn/login/options", { body: { username: account.username } });
      const credential = await navigator.credentials.get({ publicKey: requestOptions(options.publicKey) });
      await resumeWith(await call("api/webauthn/login", {
        body: { requestId: options.requestId, credential: credentialJson(credential) },
      }));
    },
    "reauth-with-password": async () => {
      await resumeWith(await call("api/login", { body: { username: account.username, password: $("reauth-password").value } }));
    },
    "reauth-cancel": async () => {
      closeReauthentication();
      say("Nothing was changed.");
    },
    "show-signin": async () => setMode("signin"),
    "show-signup": async () => setMode("signup"),
    "sign-out": async () => {
      try {
        await call("api/logout", { body: { refresh_token: sessionStorage.getItem(REFRESH_KEY) }, auth: true });
      } finally {
        forgetTokens();
        showSignIn();
        say("Signed out.", "ok");
      }
    },
  };

  function setMode(mode) {
    $("signin-form").dataset.mode = mode;
    $("show-signin").setAttribute("aria-pressed", String(mode === "signin"));
    $("show-signup").setAttribute("aria-pressed", String(mode === "signup"));
    $("password").autocomplete = mode === "signup" ? "new-password" : "current-password";
    $("show-signin").setAttribute("aria-pressed", String(mode !== "signup"));
    clearFieldErrors();
    say("");
  }

  async function start() {
    for (const [id, action] of Object.entries(actions)) {
      $(id).addEventListener("click", () => act(action));
    }
    $("signin-form").addEventListener("submit", (event) => event.preventDefault());
    $("recovery-code").addEventListener("keydown", (event) => {
      if (event.key === "Enter") $("signin-recovery").click();
    });
    $("reauth-password").addEventListener("keydown", (event) => {
      if (event.key === "Enter") $("reauth-with-password").click();
    });
    if (!passkeysSupported) {
      disablePasskeyButtons();
      say("Passkeys are not supported by this browser; use a password.", "error");
    }
    if (RETURN_TO) {
      // Sent here by an application: only a live browser session goes straight back. The page's own
      // tokens of this tab do not, or a browser idle past the session cookie's timeout would return
      // without signing in.
      $("destination-path").textContent = RETURN_TO;
      $("destination").hidden = false;
      if (CLIENT_ID) await showApplicationName();
      if (!FRESH_SIGN_IN && await resumeBrowserSession()) {
        window.location.assign(RETURN_TO);
        return;
      }
    } else if ((sessionStorage.getItem(REFRESH_KEY) && await refresh()) || await resumeBrowserSession()) {
      try {
        await showAccount();
        return;
      } catch {
        forgetTokens();
      }
    }
    showSignIn();
  }

  // Busy until the page knows whether the browser is signed in, so no click races the start.
  document.addEventListener("DOMContentLoaded", () => {
    start().finally(() => { document.body.dataset.busy = "false"; });
  });
})();
