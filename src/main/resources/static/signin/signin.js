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
    if (!csrf) {
      // a session made by Tasklist or Cockpit: its token went to them; the API hands it to a page of the session
      const response = await fetch('/api/session/csrf-token', { credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' } });
      csrf = response.status === 200 ? (await response.json()).token : csrf;
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
    // refused: 401 a wrong user or password, 429 too many failed logins from here (Retry-After: seconds)
    return { ok: response.ok, status: response.status, retryAfter: response.headers.get('Retry-After') };
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

  /** The texts of the form, in the page's language (its {@code <html lang>}, set before {@link attach}). */
  const TEXTS = {
    en: {
      signIn: 'Sign in', signOut: 'Sign out', user: 'User', password: 'Password', signingIn: 'Signing in…',
      prompt: 'Sign in with your Tasklist user and password.', signedOut: 'Signed out.',
      wrong: 'Wrong user or password.',
      tooMany: (seconds) => `Too many failed logins: try again in ${seconds} s.`,
      refused: (status) => `The sign-in was refused (HTTP ${status}).`,
      signedInAs: (name) => `Signed in as ${name}`,
    },
    zh: {
      signIn: '登录', signOut: '退出登录', user: '用户', password: '密码', signingIn: '正在登录…',
      prompt: '请使用 Tasklist 的用户名和密码登录。', signedOut: '已退出登录。',
      wrong: '用户名或密码错误。',
      tooMany: (seconds) => `登录失败次数过多，请在 ${seconds} 秒后重试。`,
      refused: (status) => `登录被拒绝（HTTP ${status}）。`,
      signedInAs: (name) => `已登录：${name}`,
    },
  };

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /**
   * Puts the sign-in form before the page's {@code <main id="content">} and "signed in as · Sign out" into its
   * {@code <header>} (the same ids on every page: #signin, #signin-user, #signin-password, #signin-message, #who,
   * #signout; styles in signin.css).
   */
  function build(t) {
    const session = element('div', { class: 'session' });
    session.append(element('span', { id: 'who' }), ' ',
      element('button', { id: 'signout', type: 'button', hidden: '' }, t.signOut));
    document.querySelector('header').append(session);
    const form = element('form', { id: 'signin', class: 'signin', hidden: '' });
    form.append(element('h2', {}, t.signIn), element('p', { id: 'signin-message', role: 'alert' }),
      element('label', { for: 'signin-user' }, t.user),
      element('input', { id: 'signin-user', name: 'username', autocomplete: 'username', required: '' }),
      element('label', { for: 'signin-password' }, t.password),
      element('input', { id: 'signin-password', name: 'password', type: 'password',
        autocomplete: 'current-password', required: '' }),
      element('button', { type: 'submit' }, t.signIn));
    const content = document.getElementById('content');
    content.before(form);
    return { form, content, who: document.getElementById('who'), out: document.getElementById('signout'),
      message: document.getElementById('signin-message') };
  }

  /**
   * Gives the page its sign-in form, its "signed in as" and its sign-out button, and runs {@code start} (which loads
   * the page's data) at once when the session reads, else once signed in. The page needs a {@code <header>} and a
   * {@code <main id="content" hidden>}.
   */
  function attach(start) {
    const t = (document.documentElement.lang || 'en').toLowerCase().startsWith('zh') ? TEXTS.zh : TEXTS.en;
    const { form, content, who, out, message } = build(t);

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
          showSignIn(signedInHere ? `${t.prompt} (${e.message})` : t.prompt);
          return;
        }
        throw e;
      }
      document.body.classList.remove('signed-out');
      form.hidden = true;
      content.hidden = false;
      const name = await user();
      who.textContent = name ? t.signedInAs(name) : '';
      out.hidden = !name && !signedInHere;
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      message.textContent = t.signingIn;
      const result = await signIn(document.getElementById('signin-user').value,
        document.getElementById('signin-password').value);
      document.getElementById('signin-password').value = '';
      if (result.ok) {
        signedInHere = true;
        await run();
      } else if (result.status === 401) {
        showSignIn(t.wrong);
      } else if (result.status === 429) {
        showSignIn(t.tooMany(result.retryAfter || '?'));
      } else {
        showSignIn(t.refused(result.status));
      }
    });
    out.addEventListener('click', async () => {
      await signOut();
      signedInHere = false;
      showSignIn(t.signedOut);
    });
    return run();
  }

  return { getJson, send, attach, SignInNeeded };
})();
