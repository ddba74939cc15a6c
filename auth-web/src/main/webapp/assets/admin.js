// Latchkey administration console at /auth/admin/: accounts, the audit trail, OpenID Connect clients.
// No inline script anywhere (the page is served with a strict Content-Security-Policy). The console
// signs in through the sign-in page: it takes its tokens from the browser session (POST api/sso/token
// with the CSRF header) and keeps them in memory only.
"use strict";

(() => {
  const API = "../api/";
  const REAUTHENTICATION_REQUIRED = "urn:latchkey:problem:reauthentication-required";
  const ADMIN_GROUP = "auth-admin";
  const EXPIRY_MARGIN_MS = 30_000;
  const ACCOUNT_PAGE = 20;
  const EVENT_PAGE = 50;
  const RECENT_EVENTS = 15;
  const RECENT_WINDOW_DAYS = 30;
  const EVENT_TYPES = ["SIGN_UP", "LOGIN_SUCCEEDED", "LOGIN_FAILED", "LOCKED_OUT", "PASSWORD_CHANGED", "PASSKEY_ADDED",
    "PASSKEY_RENAMED", "PASSKEY_REMOVED", "REFRESH_TOKEN_REUSED", "CLONE_WARNING", "LOGOUT", "ACCOUNT_SUSPENDED",
    "ACCOUNT_REACTIVATED", "GROUPS_CHANGED", "SESSIONS_REVOKED", "ACCOUNTS_LISTED", "ACCOUNT_READ", "EVENTS_READ",
    "ADMIN_REFUSED", "CLIENTS_READ", "CLIENT_REGISTERED", "CLIENT_UPDATED", "CLIENT_SECRET_ROTATED", "CLIENT_REMOVED",
    "CLIENT_SIGN_IN", "AUTHORIZATION_CODE_REUSED", "RECOVERY_CODES_CREATED", "RECOVERY_CODE_USED", "RECOVERY_CODE_ISSUED"];
  const $ = (id) => document.getElementById(id);

  let accessToken = null;
  let accessExpiresAt = 0;
  let accountQuery = { q: "", offset: 0 };
  let accountTotal = 0;
  let current = null; // the opened account's detail
  let eventFilter = null; // { account, type, since, until }
  let eventPages = []; // the "after" value of each page shown so far; the last is the current page's
  let eventNext = null;
  let shownEvents = [];

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `The server answered ${status}.`);
      this.status = status;
      this.problem = problem || {};
    }
  }

  // ---- tokens from the browser session ----
  async function tokensFromBrowserSession() {
    const response = await fetch(API + "sso/token", {
      method: "POST", credentials: "same-origin",
      headers: { Accept: "application/json, application/problem+json", "X-Requested-With": "latchkey" },
    });
    if (!response.ok) return false;
    const tokens = await response.json();
    accessToken = tokens.access_token;
    accessExpiresAt = Date.now() + tokens.expires_in * 1000;
    return true;
  }

  function here() {
    return window.location.pathname + window.location.hash;
  }

  // The sign-in page comes back here when done; fresh=1 asks for a new sign-in even with a live session.
  function signIn(fresh) {
    document.body.dataset.state = "leaving";
    const query = new URLSearchParams({ return: here() });
    if (fresh) query.set("fresh", "1");
    window.location.assign("../?" + query.toString());
  }

  async function call(path, { method = "GET", body, retried = false } = {}) {
    if (!accessToken || Date.now() > accessExpiresAt - EXPIRY_MARGIN_MS) {
      if (!await tokensFromBrowserSession()) throw new ApiError(401, { title: "Your session has ended", detail: "Sign in again." });
    }
    const headers = { Accept: "application/json, application/problem+json", Authorization: `Bearer ${accessToken}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(API + path, {
      method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && !retried) {
      accessToken = null;
      return call(path, { method, body, retried: true });
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch { data = null; }
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  // ---- messages: one live region, problem+json shown in words ----
  function say(text, kind) {
    const message = $("message");
    message.textContent = text;
    message.className = kind || "";
  }

  function explain(error) {
    if (error instanceof ApiError) {
      const p = error.problem;
      const fields = (p.errors || []).map((e) => `${e.field}: ${e.message}`).join(" ");
      const words = [p.title, p.detail].filter(Boolean).join(": ") || error.message;
      return fields ? `${words} ${fields}` : words;
    }
    return "The console could not reach the server; try again.";
  }

  function showFieldErrors(error) {
    document.querySelectorAll(".field-error").forEach((p) => { p.textContent = ""; });
    if (!(error instanceof ApiError)) return;
    (error.problem.errors || []).forEach((e) => {
      const target = document.querySelector(`.view:not([hidden]) .field-error[data-field="${e.field}"]`);
      if (target) target.textContent = e.message;
    });
  }

  function askToSignInAgain(error) {
    $("reauth-detail").textContent = error.problem.detail || "Changes need a recent sign-in.";
    $("reauth-view").hidden = false;
    say("This change was not made: sign in again, then repeat it.", "error");
    $("reauth-title").focus();
  }

  // Runs one user action: busy state, errors shown, never two at once.
  async function act(action) {
    if (document.body.dataset.busy === "true") return;
    document.body.dataset.busy = "true";
    say("");
    try {
      await action();
    } catch (error) {
      showFieldErrors(error);
      if (error instanceof ApiError && error.status === 403 && error.problem.type === REAUTHENTICATION_REQUIRED) {
        askToSignInAgain(error);
      } else if (error instanceof ApiError && error.status === 401) {
        signIn(false);
      } else if (error instanceof ApiError && error.status === 403) {
        refuse(error.problem.detail || `This needs the group ${ADMIN_GROUP}.`);
      } else {
        say(explain(error), "error");
      }
    } finally {
      document.body.dataset.busy = "false";
    }
  }

  // ---- the confirmation dialog (a modal <dialog>: focus stays inside, Escape cancels) ----
  function confirmAction(title, text, confirmLabel) {
    const dialog = $("confirm-dialog");
    const opener = document.activeElement;
    $("confirm-title").textContent = title;
    $("confirm-text").textContent = text;
    $("confirm-ok").textContent = confirmLabel;
    return new Promise((resolve) => {
      dialog.addEventListener("close", () => {
        if (opener && typeof opener.focus === "function") opener.focus();
        resolve(dialog.returnValue === "confirm");
      }, { once: true });
      dialog.returnValue = "cancel";
      dialog.showModal();
      $("confirm-cancel").focus();
    });
  }

  // ---- small DOM helpers ----
  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined || text === "" ? "—" : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function button(label, onClick, accessibleName) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    if (accessibleName) b.setAttribute("aria-label", accessibleName);
    b.addEventListener("click", () => act(onClick));
    return b;
  }

  const when = (iso) => (iso ? iso.replace("T", " ").replace(/\.\d+Z$/, "Z").replace("Z", " UTC") : "");

  function showView(id, focus = true) {
    document.querySelectorAll(".view").forEach((v) => { v.hidden = v.id !== id; });
    const navFor = { "accounts-view": "nav-accounts", "account-view": "nav-accounts", "events-view": "nav-events",
      "clients-view": "nav-clients" };
    document.querySelectorAll("#console-nav button").forEach((b) => {
      if (b.id === navFor[id]) b.setAttribute("aria-current", "page"); else b.removeAttribute("aria-current");
    });
    if (focus) {
      const heading = document.querySelector(`#${id} h1`);
      if (heading) heading.focus();
    }
  }

  function refuse(detail) {
    document.body.dataset.state = "refused";
    $("console-nav").hidden = true;
    document.querySelectorAll(".view").forEach((v) => { v.hidden = true; });
    $("refused-detail").textContent = detail;
    $("refused-view").hidden = false;
    $("refused-title").focus();
  }

  // ---- accounts ----
  async function searchAccounts() {
    const query = new URLSearchParams({ q: accountQuery.q, offset: accountQuery.offset, limit: ACCOUNT_PAGE });
    const page = await call("admin/accounts?" + query.toString());
    accountTotal = page.total;
    const body = $("account-table").tBodies[0];
    body.replaceChildren();
    page.items.forEach((a) => {
      const row = document.createElement("tr");
      cell(row, a.username);
      cell(row, a.displayName);
      cell(row, a.status);
      cell(row, a.groups.join(", "));
      row.appendChild(document.createElement("td")).appendChild(button("Open", () => openAccount(a.id), `Open ${a.username}`));
      body.appendChild(row);
    });
    const first = page.total === 0 ? 0 : page.offset + 1;
    const last = page.offset + page.items.length;
    const summary = page.total === 0 ? "No accounts found." : `Accounts ${first} to ${last} of ${page.total}.`;
    $("account-summary").textContent = summary;
    $("accounts-previous").disabled = page.offset === 0;
    $("accounts-next").disabled = last >= page.total;
    say(summary);
  }

  async function openAccount(id, focus = true) {
    const detail = await call("admin/accounts/" + encodeURIComponent(id));
    const previous = current;
    current = detail;
    if (!previous || previous.account.id !== detail.account.id) $("recovery-code-view").hidden = true;
    if (window.location.hash !== "#account=" + id) history.replaceState(null, "", "#account=" + id);
    renderAccount(detail);
    await renderRecentEvents(detail.account.id);
    showView("account-view", focus);
  }

  function renderAccount(detail) {
    const a = detail.account;
    $("account-title").textContent = `Account ${a.username}`;
    $("detail-username").textContent = a.username;
    $("detail-display-name").textContent = a.displayName || "—";
    $("detail-status").textContent = a.status;
    $("detail-groups").textContent = a.groups.length ? a.groups.join(", ") : "none";
    $("detail-password").textContent = a.passwordSet ? "set" : "none";
    $("detail-created").textContent = when(a.createdAt);
    $("detail-id").textContent = a.id;
    $("groups-input").value = a.groups.join(", ");
    $("suspend-account").hidden = a.status !== "active";
    $("reactivate-account").hidden = a.status === "active";

    const passkeys = $("passkey-table").tBodies[0];
    passkeys.replaceChildren();
    detail.passkeys.forEach((p) => {
      const row = document.createElement("tr");
      cell(row, p.nickname);
      cell(row, p.aaguid, "mono");
      cell(row, when(p.createdAt));
      cell(row, p.lastUsedAt ? when(p.lastUsedAt) : "never");
      cell(row, p.cloneSuspectedAt ? `Possible clone (${when(p.cloneSuspectedAt)})` : "", p.cloneSuspectedAt ? "warning" : "");
      row.appendChild(document.createElement("td"))
        .appendChild(button("Remove", () => removePasskey(p), `Remove passkey ${p.nickname}`));
      passkeys.appendChild(row);
    });
    $("passkeys-empty").hidden = detail.passkeys.length > 0;

    const sessions = $("session-table").tBodies[0];
    sessions.replaceChildren();
    detail.sessions.forEach((s) => {
      const row = document.createElement("tr");
      cell(row, when(s.startedAt || s.authTime));
      cell(row, when(s.lastRefreshedAt));
      cell(row, s.clientIp, "mono");
      cell(row, s.userAgent, "agent");
      cell(row, s.amr.join(" "));
      cell(row, s.clientId || "Latchkey");
      sessions.appendChild(row);
    });
    $("sessions-empty").hidden = detail.sessions.length > 0;
  }

  async function renderRecentEvents(accountId) {
    const since = new Date(Date.now() - RECENT_WINDOW_DAYS * 86_400_000).toISOString();
    const page = await call(`admin/events?account=${encodeURIComponent(accountId)}&since=${encodeURIComponent(since)}&limit=500`);
    const recent = page.events.slice(-RECENT_EVENTS).reverse();
    const body = $("recent-table").tBodies[0];
    body.replaceChildren();
    recent.forEach((e) => {
      const row = document.createElement("tr");
      cell(row, when(e.time));
      cell(row, e.type);
      cell(row, e.actor);
      cell(row, e.reason);
      cell(row, e.clientIp, "mono");
      body.appendChild(row);
    });
  }

  async function change(title, text, label, request, done) {
    if (!await confirmAction(title, text, label)) {
      say("Nothing was changed.");
      return;
    }
    $("reauth-view").hidden = true;
    const id = current.account.id;
    const result = await request(id);
    await openAccount(id, false);
    say(typeof done === "function" ? done(result) : done, "ok");
    // Suspend and reactivate swap buttons: focus must not be left on one that is now hidden.
    const focused = document.activeElement;
    if (!focused || focused === document.body || focused.offsetParent === null) $("account-title").focus();
  }

  const name = () => current.account.username;

  const suspend = () => change("Suspend this account?", `${name()} can no longer sign in, and every session and access token of it ends now.`,
    "Suspend", (id) => call(`admin/accounts/${id}/suspend`, { method: "POST" }), () => `${name()} is suspended.`);

  const reactivate = () => change("Reactivate this account?", `${name()} can sign in again.`, "Reactivate",
    (id) => call(`admin/accounts/${id}/reactivate`, { method: "POST" }), () => `${name()} is active again.`);

  const revokeSessions = () => change("Revoke all sessions?", `Every session of ${name()} ends now; it can sign in again.`,
    "Revoke sessions", (id) => call(`admin/accounts/${id}/sessions`, { method: "DELETE" }), () => `Every session of ${name()} has ended.`);

  const issueRecoveryCode = () => change("Issue a one-time recovery code?",
    `${name()} can sign in once with this code, for 24 hours. Its sessions end now. Give the code to the person only after checking who they are.`,
    "Issue code", (id) => call(`admin/accounts/${id}/recovery`, { method: "POST", body: {} }), (code) => {
      $("recovery-code").textContent = code.code;
      $("recovery-code-expiry").textContent = when(code.expiresAt);
      $("recovery-code-view").hidden = false;
      return `A one-time recovery code for ${name()} is shown below, once.`;
    });

  function saveGroups() {
    const groups = $("groups-input").value.split(",").map((g) => g.trim()).filter(Boolean);
    return change("Change groups?", `${name()} will be in: ${groups.length ? groups.join(", ") : "no group"}. Its sessions end now.`,
      "Save groups", (id) => call(`admin/accounts/${id}/groups`, { method: "PUT", body: groups }),
      (saved) => `The groups of ${name()} are now: ${saved.length ? saved.join(", ") : "none"}.`);
  }

  const removePasskey = (passkey) => change("Remove this passkey?",
    `The passkey "${passkey.nickname}" of ${name()} will no longer sign in. Its open sessions stay; revoke them too if the passkey is in other hands.`,
    "Remove passkey", (id) => call(`admin/accounts/${id}/passkeys/${encodeURIComponent(passkey.id)}`, { method: "DELETE" }),
    () => `The passkey "${passkey.nickname}" was removed.`);

  // ---- the audit trail ----
  function utcInput(id) {
    const value = $(id).value;
    if (!value) return "";
    const withSeconds = value.length === 16 ? value + ":00" : value;
    return withSeconds + "Z";
  }

  async function showEvents(after) {
    const query = new URLSearchParams({ limit: EVENT_PAGE });
    if (eventFilter.account) query.set("account", eventFilter.account);
    if (eventFilter.type) query.set("type", eventFilter.type);
    if (eventFilter.since) query.set("since", eventFilter.since);
    if (after) query.set("after", after);
    const page = await call("admin/events?" + query.toString());
    const until = eventFilter.until ? Date.parse(eventFilter.until) : null;
    shownEvents = page.events.filter((e) => until === null || Date.parse(e.time) <= until);
    eventNext = page.next && (until === null || shownEvents.length === page.events.length) ? page.next : null;
    const body = $("event-table").tBodies[0];
    body.replaceChildren();
    shownEvents.forEach((e) => {
      const row = document.createElement("tr");
      cell(row, when(e.time));
      cell(row, e.type);
      cell(row, e.username || e.account);
      cell(row, e.actor);
      cell(row, e.reason);
      cell(row, e.detail ? JSON.stringify(e.detail) : "", "mono");
      cell(row, e.clientIp, "mono");
      cell(row, e.userAgent, "agent");
      body.appendChild(row);
    });
    const summary = shownEvents.length === 0 ? "No events match." : `${shownEvents.length} events shown, oldest first, page ${eventPages.length}.`;
    $("events-summary").textContent = summary;
    $("events-previous").disabled = eventPages.length <= 1;
    $("events-next").disabled = !eventNext;
    $("events-export").disabled = shownEvents.length === 0;
    say(summary);
  }

  function filterEvents() {
    eventFilter = { account: $("filter-account").value.trim(), type: $("filter-type").value, since: utcInput("filter-since"),
      until: utcInput("filter-until") };
    eventPages = [""];
    return showEvents("");
  }

  // A cell that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection).
  function csvCell(value) {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function exportEvents() {
    const columns = ["id", "time", "type", "account", "username", "actor", "reason", "detail", "clientIp", "userAgent", "requestId"];
    const lines = [columns.join(",")].concat(shownEvents.map((e) => columns
      .map((c) => csvCell(c === "detail" && e.detail ? JSON.stringify(e.detail) : e[c])).join(",")));
    const blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `latchkey-audit-${new Date().toISOString().replace(/[:.]/g, "-")}.csv`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    say(`${shownEvents.length} events exported as CSV.`, "ok");
  }

  // ---- OpenID Connect clients ----
  async function listClients() {
    const clients = await call("admin/clients");
    const body = $("client-table").tBodies[0];
    body.replaceChildren();
    clients.forEach((c) => {
      const row = document.createElement("tr");
      cell(row, c.clientId, "mono");
      cell(row, c.name);
      cell(row, c.public ? "public" : "confidential");
      cell(row, c.redirectUris.join(" "), "mono");
      const actions = row.appendChild(document.createElement("td"));
      actions.appendChild(button("View", () => viewClient(c.clientId), `View ${c.clientId}`));
      actions.appendChild(button("Delete", () => deleteClient(c.clientId), `Delete ${c.clientId}`));
      body.appendChild(row);
    });
    $("clients-empty").hidden = clients.length > 0;
    say(clients.length === 1 ? "1 client." : `${clients.length} clients.`);
  }

  async function viewClient(clientId) {
    const c = await call("admin/clients/" + encodeURIComponent(clientId));
    const facts = $("client-facts");
    facts.replaceChildren();
    [["Client id", c.clientId], ["Name", c.name], ["Kind", c.public ? "public (PKCE, no secret)" : "confidential"],
      ["Redirect URIs", c.redirectUris.join(" ")], ["Post-logout redirect URIs", (c.postLogoutRedirectUris || []).join(" ")],
      ["Created", when(c.createdAt)]].forEach(([term, value]) => {
      facts.appendChild(document.createElement("dt")).textContent = term;
      facts.appendChild(document.createElement("dd")).textContent = value || "—";
    });
    $("client-detail-title").textContent = `Client ${c.clientId}`;
    $("client-detail").hidden = false;
    $("client-detail-title").focus();
  }

  async function deleteClient(clientId) {
    if (!await confirmAction("Delete this client?", `${clientId} can no longer sign anyone in, and every session it holds ends now.`,
      "Delete client")) {
      say("Nothing was changed.");
      return;
    }
    await call("admin/clients/" + encodeURIComponent(clientId), { method: "DELETE" });
    $("client-detail").hidden = true;
    await listClients();
    say(`The client ${clientId} was deleted.`, "ok");
  }

  async function createClient() {
    const body = { clientId: $("client-id").value.trim(), public: $("client-public").checked,
      redirectUris: $("client-redirects").value.split(/\s+/).filter(Boolean) };
    const named = $("client-name").value.trim();
    if (named) body.name = named;
    const created = await call("admin/clients", { method: "POST", body });
    $("client-secret-view").hidden = !created.clientSecret;
    $("client-secret").textContent = created.clientSecret || "";
    await listClients();
    say(`The client ${created.clientId} was registered${created.clientSecret ? "; its secret is shown once below" : ""}.`, "ok");
  }

  // ---- start ----
  async function route() {
    const match = /^#account=([0-9a-fA-F-]{36})$/.exec(window.location.hash);
    if (match) {
      await openAccount(match[1], false);
    } else {
      await searchAccounts();
      showView("accounts-view", false);
    }
  }

  function wire() {
    EVENT_TYPES.forEach((type) => {
      const option = document.createElement("option");
      option.value = type;
      option.textContent = type;
      $("filter-type").appendChild(option);
    });
    $("account-search").addEventListener("submit", (event) => {
      event.preventDefault();
      accountQuery = { q: $("account-query").value.trim(), offset: 0 };
      act(searchAccounts);
    });
    $("accounts-previous").addEventListener("click", () => act(() => {
      accountQuery.offset = Math.max(0, accountQuery.offset - ACCOUNT_PAGE);
      return searchAccounts();
    }));
    $("accounts-next").addEventListener("click", () => act(() => {
      if (accountQuery.offset + ACCOUNT_PAGE < accountTotal) accountQuery.offset += ACCOUNT_PAGE;
      return searchAccounts();
    }));
    $("back-to-accounts").addEventListener("click", () => act(async () => {
      history.replaceState(null, "", window.location.pathname);
      await searchAccounts();
      showView("accounts-view");
    }));
    $("suspend-account").addEventListener("click", () => act(suspend));
    $("reactivate-account").addEventListener("click", () => act(reactivate));
    $("revoke-sessions").addEventListener("click", () => act(revokeSessions));
    $("issue-recovery-code").addEventListener("click", () => act(issueRecoveryCode));
    $("groups-form").addEventListener("submit", (event) => {
      event.preventDefault();
      act(saveGroups);
    });
    $("account-all-events").addEventListener("click", () => act(async () => {
      $("filter-account").value = current.account.id;
      $("filter-type").value = "";
      $("filter-since").value = "";
      $("filter-until").value = "";
      history.replaceState(null, "", window.location.pathname);
      showView("events-view");
      await filterEvents();
    }));
    $("events-filter").addEventListener("submit", (event) => {
      event.preventDefault();
      act(filterEvents);
    });
    $("events-next").addEventListener("click", () => act(() => {
      eventPages.push(eventNext);
      return showEvents(eventNext);
    }));
    $("events-previous").addEventListener("click", () => act(() => {
      eventPages.pop();
      return showEvents(eventPages[eventPages.length - 1]);
    }));
    $("events-export").addEventListener("click", () => exportEvents());
    $("client-form").addEventListener("submit", (event) => {
      event.preventDefault();
      act(createClient);
    });
    $("nav-accounts").addEventListener("click", () => act(async () => {
      history.replaceState(null, "", window.location.pathname);
      await searchAccounts();
      showView("accounts-view");
    }));
    $("nav-events").addEventListener("click", () => act(async () => {
      history.replaceState(null, "", window.location.pathname);
      showView("events-view");
      if (!eventFilter) await filterEvents();
    }));
    $("nav-clients").addEventListener("click", () => act(async () => {
      history.replaceState(null, "", window.location.pathname);
      showView("clients-view");
      await listClients();
    }));
    $("reauth-sign-in").addEventListener("click", () => signIn(true));
    $("reauth-dismiss").addEventListener("click", () => {
      $("reauth-view").hidden = true;
      $("main").focus();
    });
    $("switch-account").href = "../logout?" + new URLSearchParams({ return: window.location.pathname }).toString();
  }

  async function start() {
    wire();
    if (!await tokensFromBrowserSession()) {
      signIn(false);
      return;
    }
    const me = await call("me");
    $("admin-username").textContent = me.username;
    $("signed-in-as").hidden = false;
    if (!me.groups.includes(ADMIN_GROUP)) {
      refuse(`You are signed in as ${me.username}, who is not in the group ${ADMIN_GROUP}. `
        + "Ask an administrator to add you, or sign in as an administrator.");
      return;
    }
    $("console-nav").hidden = false;
    document.body.dataset.state = "ready";
    await route();
  }

  document.addEventListener("DOMContentLoaded", () => {
    start().catch((error) => {
      if (error instanceof ApiError && error.status === 403) {
        refuse(error.problem.detail || `This needs the group ${ADMIN_GROUP}.`);
      } else if (error instanceof ApiError && error.status === 401) {
        signIn(false);
      } else {
        say(explain(error), "error");
      }
    }).finally(() => {
      if (document.body.dataset.state === "starting") document.body.dataset.state = "ready";
      document.body.dataset.busy = "false";
    });
  });
})();
