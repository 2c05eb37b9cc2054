// postie library: `require('url')` as Newman's sandbox bundles it: the legacy Node API only
// (`parse`, `format`, `resolve`, `resolveObject` and the `Url` class; no WHATWG `URL`).
// Hostnames are lower-cased and punycoded, characters a URL may not hold are escaped, a host part
// stops at the first character a hostname cannot contain (the rest moves to the path).
(function (P, lib) {
  'use strict';

  const qs = function () { return lib('querystring'); };
  const SLASHED = { 'http:': true, 'https:': true, 'ftp:': true, 'gopher:': true, 'file:': true, http: true, https: true, ftp: true, gopher: true, file: true };
  const HOSTLESS = { javascript: true, 'javascript:': true };
  // Characters escaped wherever they appear outside the host (and that end a host).
  const ESCAPED = ['{', '}', '|', '\\', '^', '`', "'", '<', '>', '"', ' ', '\r', '\n', '\t'];
  const HOST_STOP = ['%', '/', '?', ';', '#'].concat(ESCAPED);
  const LABEL = /^[+a-z0-9A-Z_-]{0,63}$/;
  const LABEL_HEAD = /^([+a-z0-9A-Z_-]{0,63})(.*)$/;

  function Url() {
    this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null; this.hostname = null;
    this.hash = null; this.search = null; this.query = null; this.pathname = null; this.path = null; this.href = null;
  }

  function firstIndex(text, chars) {
    let at = -1;
    for (const c of chars) {
      const i = text.indexOf(c);
      if (i !== -1 && (at === -1 || i < at)) at = i;
    }
    return at;
  }

  Url.prototype.parse = function (url, parseQuery, slashesDenoteHost) {
    if (typeof url !== 'string') throw new TypeError("Parameter 'url' must be a string, not " + typeof url);
    // Backslashes before the query or fragment count as slashes.
    const q = url.indexOf('?');
    const cut = q !== -1 && q < url.indexOf('#') ? '?' : '#';
    const pieces = url.split(cut);
    pieces[0] = pieces[0].replace(/\\/g, '/');
    url = pieces.join(cut);
    let rest = url.trim();

    if (!slashesDenoteHost && url.split('#').length === 1) {
      const simple = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/.exec(rest);
      if (simple) {
        this.path = rest; this.href = rest; this.pathname = simple[1];
        if (simple[2]) {
          this.search = simple[2];
          this.query = parseQuery ? qs().parse(this.search.slice(1)) : this.search.slice(1);
        } else if (parseQuery) { this.search = ''; this.query = {}; }
        return this;
      }
    }

    let proto = /^([a-z0-9.+-]+:)/i.exec(rest);
    let lowerProto;
    if (proto) {
      proto = proto[0];
      lowerProto = proto.toLowerCase();
      this.protocol = lowerProto;
      rest = rest.slice(proto.length);
    }
    let slashes;
    if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
      slashes = rest.slice(0, 2) === '//';
      if (slashes && !(proto && HOSTLESS[proto])) { rest = rest.slice(2); this.slashes = true; }
    }

    if (!HOSTLESS[proto] && (slashes || (proto && !SLASHED[proto]))) {
      let hostEnd = firstIndex(rest, ['/', '?', '#']);
      const at = hostEnd === -1 ? rest.lastIndexOf('@') : rest.lastIndexOf('@', hostEnd);
      if (at !== -1) {
        this.auth = decodeURIComponent(rest.slice(0, at));
        rest = rest.slice(at + 1);
      }
      hostEnd = firstIndex(rest, HOST_STOP);
      if (hostEnd === -1) hostEnd = rest.length;
      this.host = rest.slice(0, hostEnd);
      rest = rest.slice(hostEnd);
      this.parseHost();
      this.hostname = this.hostname || '';
      const ipv6 = this.hostname.charAt(0) === '[' && this.hostname.charAt(this.hostname.length - 1) === ']';
      if (!ipv6) {
        const labels = this.hostname.split('.');
        for (let i = 0; i < labels.length; i++) {
          const label = labels[i];
          if (!label || LABEL.test(label)) continue;
          if (LABEL.test(label.replace(/[^\0-\x7f]/g, 'x'))) continue;
          // The host ends inside this label: what follows becomes the start of the path.
          const valid = labels.slice(0, i);
          const moved = labels.slice(i + 1);
          const head = LABEL_HEAD.exec(label);
          if (head) { valid.push(head[1]); moved.unshift(head[2]); }
          if (moved.length) rest = '/' + moved.join('.') + rest;
          this.hostname = valid.join('.');
          break;
        }
      }
      this.hostname = this.hostname.length > 255 ? '' : this.hostname.toLowerCase();
      if (!ipv6) this.hostname = lib('punycode').toASCII(this.hostname);
      this.host = (this.hostname || '') + (this.port ? ':' + this.port : '');
      if (ipv6) {
        this.hostname = this.hostname.slice(1, -1);
        if (rest.charAt(0) !== '/') rest = '/' + rest;
      }
    }

    if (!HOSTLESS[lowerProto]) {
      for (const c of ESCAPED) {
        if (rest.indexOf(c) === -1) continue;
        let esc = encodeURIComponent(c);
        if (esc === c) esc = '%' + c.charCodeAt(0).toString(16).toUpperCase();
        rest = rest.split(c).join(esc);
      }
    }

    const hash = rest.indexOf('#');
    if (hash !== -1) { this.hash = rest.slice(hash); rest = rest.slice(0, hash); }
    const qm = rest.indexOf('?');
    if (qm !== -1) {
      this.search = rest.slice(qm);
      this.query = rest.slice(qm + 1);
      if (parseQuery) this.query = qs().parse(this.query);
      rest = rest.slice(0, qm);
    } else if (parseQuery) { this.search = ''; this.query = {}; }
    if (rest) this.pathname = rest;
    if (SLASHED[lowerProto] && this.hostname && !this.pathname) this.pathname = '/';
    if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
    this.href = this.format();
    return this;
  };

  Url.prototype.format = function () {
    let auth = this.auth || '';
    if (auth) auth = encodeURIComponent(auth).replace(/%3A/i, ':') + '@';
    let protocol = this.protocol || '';
    let pathname = this.pathname || '';
    let hash = this.hash || '';
    let host = false;
    let query = '';
    if (this.host) host = auth + this.host;
    else if (this.hostname) {
      host = auth + (this.hostname.indexOf(':') === -1 ? this.hostname : '[' + this.hostname + ']');
      if (this.port) host += ':' + this.port;
    }
    if (this.query && typeof this.query === 'object' && Object.keys(this.query).length) query = qs().stringify(this.query);
    let search = this.search || (query && '?' + query) || '';
    if (protocol && protocol.slice(-1) !== ':') protocol += ':';
    if (this.slashes || ((!protocol || SLASHED[protocol]) && host !== false)) {
      host = '//' + (host || '');
      if (pathname && pathname.charAt(0) !== '/') pathname = '/' + pathname;
    } else if (!host) host = '';
    if (hash && hash.charAt(0) !== '#') hash = '#' + hash;
    if (search && search.charAt(0) !== '?') search = '?' + search;
    pathname = pathname.replace(/[?#]/g, function (c) { return encodeURIComponent(c); });
    search = search.replace('#', '%23');
    return protocol + host + pathname + search + hash;
  };

  Url.prototype.resolve = function (relative) {
    return this.resolveObject(urlParse(relative, false, true)).format();
  };

  function splitAuth(result) {
    const parts = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : null;
    if (parts) { result.auth = parts.shift(); result.host = result.hostname = parts.shift(); }
  }
  function setPath(result) {
    if (result.pathname !== null || result.search !== null) result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }

  Url.prototype.resolveObject = function (relative) {
    if (typeof relative === 'string') { const r = new Url(); r.parse(relative, false, true); relative = r; }
    const result = new Url();
    for (const k of Object.keys(this)) result[k] = this[k];
    result.hash = relative.hash;
    if (relative.href === '') { result.href = result.format(); return result; }

    if (relative.slashes && !relative.protocol) {
      for (const k of Object.keys(relative)) if (k !== 'protocol') result[k] = relative[k];
      if (SLASHED[result.protocol] && result.hostname && !result.pathname) result.path = result.pathname = '/';
      result.href = result.format();
      return result;
    }

    if (relative.protocol && relative.protocol !== result.protocol) {
      if (!SLASHED[relative.protocol]) {
        for (const k of Object.keys(relative)) result[k] = relative[k];
        result.href = result.format();
        return result;
      }
      result.protocol = relative.protocol;
      if (!relative.host && !/^file:?$/.test(relative.protocol) && !HOSTLESS[relative.protocol]) {
        const segs = (relative.pathname || '').split('/');
        while (segs.length && !(relative.host = segs.shift()));
        if (!relative.host) relative.host = '';
        if (!relative.hostname) relative.hostname = '';
        if (segs[0] !== '') segs.unshift('');
        if (segs.length < 2) segs.unshift('');
        result.pathname = segs.join('/');
      } else result.pathname = relative.pathname;
      result.search = relative.search;
      result.query = relative.query;
      result.host = relative.host || '';
      result.auth = relative.auth;
      result.hostname = relative.hostname || relative.host;
      result.port = relative.port;
      if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
      result.slashes = result.slashes || relative.slashes;
      result.href = result.format();
      return result;
    }

    const sourceAbs = result.pathname && result.pathname.charAt(0) === '/';
    const relAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
    let mustEndAbs = relAbs || sourceAbs || (result.host && relative.pathname);
    const removeAllDots = mustEndAbs;
    let src = (result.pathname && result.pathname.split('/')) || [];
    const rel = (relative.pathname && relative.pathname.split('/')) || [];
    const opaque = result.protocol && !SLASHED[result.protocol];

    if (opaque) {
      result.hostname = '';
      result.port = null;
      if (result.host) { if (src[0] === '') src[0] = result.host; else src.unshift(result.host); }
      result.host = '';
      if (relative.protocol) {
        relative.hostname = null;
        relative.port = null;
        if (relative.host) { if (rel[0] === '') rel[0] = relative.host; else rel.unshift(relative.host); }
        relative.host = null;
      }
      mustEndAbs = mustEndAbs && (rel[0] === '' || src[0] === '');
    }

    if (relAbs) {
      result.host = relative.host || relative.host === '' ? relative.host : result.host;
      result.hostname = relative.hostname || relative.hostname === '' ? relative.hostname : result.hostname;
      result.search = relative.search;
      result.query = relative.query;
      src = rel;
    } else if (rel.length) {
      src.pop();
      src = src.concat(rel);
      result.search = relative.search;
      result.query = relative.query;
    } else if (relative.search !== null && relative.search !== undefined) {
      if (opaque) { result.hostname = result.host = src.shift(); splitAuth(result); }
      result.search = relative.search;
      result.query = relative.query;
      setPath(result);
      result.href = result.format();
      return result;
    }

    if (!src.length) {
      result.pathname = null;
      result.path = result.search ? '/' + result.search : null;
      result.href = result.format();
      return result;
    }

    let last = src[src.length - 1];
    const trailingSlash = ((result.host || relative.host || src.length > 1) && (last === '.' || last === '..')) || last === '';
    let up = 0;
    for (let i = src.length - 1; i >= 0; i--) {
      last = src[i];
      if (last === '.') src.splice(i, 1);
      else if (last === '..') { src.splice(i, 1); up++; } else if (up) { src.splice(i, 1); up--; }
    }
    if (!mustEndAbs && !removeAllDots) for (; up > 0; up--) src.unshift('..');
    if (mustEndAbs && src[0] !== '' && (!src[0] || src[0].charAt(0) !== '/')) src.unshift('');
    if (trailingSlash && src.join('/').slice(-1) !== '/') src.push('');
    const absolute = src[0] === '' || (src[0] && src[0].charAt(0) === '/');
    if (opaque) {
      result.hostname = result.host = absolute ? '' : src.length ? src.shift() : '';
      splitAuth(result);
    }
    mustEndAbs = mustEndAbs || (result.host && src.length);
    if (mustEndAbs && !absolute) src.unshift('');
    if (!src.length) { result.pathname = null; result.path = null; } else result.pathname = src.join('/');
    setPath(result);
    result.auth = relative.auth || result.auth;
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  };

  Url.prototype.parseHost = function () {
    let host = this.host;
    const port = /:[0-9]*$/.exec(host);
    if (port) {
      if (port[0] !== ':') this.port = port[0].slice(1);
      host = host.slice(0, host.length - port[0].length);
    }
    if (host) this.hostname = host;
  };

  function urlParse(url, parseQuery, slashesDenoteHost) {
    if (url && typeof url === 'object' && url instanceof Url) return url;
    const u = new Url();
    u.parse(url, parseQuery, slashesDenoteHost);
    return u;
  }
  function urlFormat(obj) {
    if (typeof obj === 'string') obj = urlParse(obj);
    if (obj === null || obj === undefined) throw new TypeError('Cannot read properties of ' + obj + " (reading 'auth')");
    if (!(obj instanceof Url)) return Url.prototype.format.call(obj);
    return obj.format();
  }
  void P;
  return {
    parse: urlParse,
    resolve: function (source, relative) { return urlParse(source, false, true).resolve(relative); },
    resolveObject: function (source, relative) { return source ? urlParse(source, false, true).resolveObject(relative) : relative; },
    format: urlFormat,
    Url: Url,
  };
})
