'use strict';
// Sign-in for our own pages, through the Camunda webapps' own login and session (the same as Tasklist's and
// Cockpit's): whoever is signed in there is signed in here. The API takes that session for reads, and for changes
// only with the webapps' CSRF token. No password is kept by the page.
window.PmoSession = (function () {
  const AUTH = '/camunda/api/admin/auth/user/default';

  class SignInNeeded extends Error {
    constructor(url) {
      super(`not signed in${url ? ` (${url})` : ''}`);
    }
  }

  function cookie(name) {
    const match = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
    return match ? decodeURIComponent(match[1]) : '';
  }

  /**
   * The webapps' CSRF token of this session: they hand it out (a response header, and a cookie for their own path)
   * when they make one, on the first read of their API in a session; every answer is watched for it.
   */
  let csrf = null;

  async function probe() {
    const response = await fetch(AUTH, { credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': 'Fetch' } });
    csrf = response.headers.get('X-XSRF-TOKEN') || cookie('XSRF-TOKEN') || csrf;
    return response;
  }

  async function csrfToken() {
    if (!csrf) {
      await probe();
    }
    return csrf;
  }

  /** The user signed in to the webapps, or null. */
  async function user() {
    const response = await probe();
    // signed out, the webapps answer 204 (our SignedOutProbeFilter; Camunda itself says 404)
    return response.status === 200 ? (await response.json()).userId : null;
  }

  async function signIn(username, password) {
    await probe(); // a session ended since (signed out elsewhere) gets a new one, and a new token
    const token = await csrfToken();
    const response = await fetch(`${AUTH}/login/welcome`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token },
      body: new URLSearchParams({ username, password }),
    });
    return response.ok;
  }

  async function signOut() {
    const token = await csrfToken();
    await fetch(`${AUTH}/logout`, { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': token } });
    csrf = null;
  }

  /**
   * GET as the page: a 401 becomes {@link SignInNeeded} (the API sends pages no password dialog). A 401 while the
   * webapps still say who is signed in is tried again a few times (seen on a loaded machine right after signing in);
   * the error names the address if it persists.
   */
  async function getJson(url) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, { credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' } });
      if (response.status === 401) {
        if (attempt < 4 && await user()) {
          await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
          continue;
        }
        throw new SignInNeeded(url);
      }
      if (!response.ok) {
        let detail = '';
        try {
          detail = (await response.json()).detail || '';
        } catch (ignored) {
          // not problem details
        }
        throw new Error(`${url}: ${response.status}${detail ? ` ${detail}` : ''}`);
      }
      return response.json();
    }
  }

  /**
   * A request as the page, with a JSON body: changes carry the webapps' CSRF token (fetched once per page, again when
   * the session changed); a 401 becomes {@link SignInNeeded}. Returns the response for the page to read.
   */
  async function send(method, url, body) {
    const headers = { Accept: 'application/json', 'X-Requested-With': 'fetch' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const write = method !== 'GET' && method !== 'HEAD';
    for (let attempt = 0; ; attempt++) {
      if (write) {
        headers['X-XSRF-TOKEN'] = await csrfToken();
      }
      const response = await fetch(url, { method, credentials: 'same-origin', headers,
        body: body === undefined ? undefined : JSON.stringify(body) });
      if (response.status === 401 && attempt < 4 && await user()) {
        // signed in again since (a new session, a new token: the probe in user() fetched it), or the 401 that was
        // seen on a loaded machine right after signing in: tried again
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
        continue;
      }
      if (response.status === 401) {
        throw new SignInNeeded(url);
      }
      return response;
    }
  }

  /**
   * Wires the page's sign-in form (#signin: #signin-user, #signin-password, #signin-message), its "signed in as"
   * (#who) and its sign-out button (#signout). {@code start} loads the page's data; it runs once signed in.
   */
  function attach(start) {
    const form = document.getElementById('signin');
    const content = document.getElementById('content');
    const who = document.getElementById('who');
    const out = document.getElementById('signout');
    const message = document.getElementById('signin-message');

    function showSignIn(text) {
      document.body.classList.add('signed-out');
      form.hidden = false;
      content.hidden = true;
      message.textContent = text;
      who.textContent = '';
      out.hidden = true;
      document.getElementById('signin-user').focus();
    }

    let signedInHere = false;

    async function run() {
      try {
        await start();
      } catch (e) {
        if (e instanceof SignInNeeded) {
          showSignIn(signedInHere ? `Sign in with your Tasklist user and password. (${e.message})`
            : 'Sign in with your Tasklist user and password.');
          return;
        }
        throw e;
      }
      document.body.classList.remove('signed-out');
      form.hidden = true;
      content.hidden = false;
      const name = await user();
      who.textContent = name ? `Signed in as ${name}` : '';
      out.hidden = !name && !signedInHere;
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      message.textContent = 'Signing in…';
      const ok = await signIn(document.getElementById('signin-user').value,
        document.getElementById('signin-password').value);
      document.getElementById('signin-password').value = '';
      if (ok) {
        signedInHere = true;
        await run();
      } else {
        showSignIn('Wrong user or password. After a wrong password the user is locked for a few seconds: try again then.');
      }
    });
    out.addEventListener('click', async () => {
      await signOut();
      signedInHere = false;
      showSignIn('Signed out.');
    });
    return run();
  }

  return { getJson, send, attach, SignInNeeded };
})();
