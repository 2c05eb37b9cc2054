// require('url'): url 0.11.0 (with punycode 1.4.1 and querystring-es3, as bundled).
'use strict';

require('./node-shims/load.js');
const { repeat, scenario, done } = require('./node-shims/calls.js');

const URLS = ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', 'https://example.com', 'HTTP://EXAMPLE.com/A?B#C',
  '//host/path', 'host/path', '/just/a/path?x=1&x=2&y', 'mailto:someone@example.com', 'javascript:alert(1)',
  'http://[::1]:3000/x', 'http://mañana.com/ü?ä=ö', 'http://xn--maana-pta.com', 'file:///etc/passwd', 'ftp://a.b/c;d',
  '?q=1', '#frag', '', '  http://trim.me/ ', 'http://a.com/p?q=a%20b&r=%zz', 'http://a.com:abc/', 'HTTP://a.com/%7Efoo',
  'http://x.com/a b<c>"d', 'www.example.com/foo', 'http://user@host', 'http://a.b/c/d;p?q', 'a:b', 'http://a.com?x',
  'http://a..b/', 'http://-bad-.com/', 'http://a.com/\\x\\y', 'https://ex.com/p?a[]=1&a[]=2&b[c]=3', 'x://y',
  'http://a.com/../../x', 'http://a.com./', 'http://ÄÖ.de', 'https://ex.com:443', 'urn:isbn:123', 'http://a/b/c/d;p?q'];
const RELS = ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', '', '.', './', '..', '../', '../g', '../..', '../../g',
  '../../../g', '/./g', 'g.', '.g', 'g..', './../g', 'g;x=1/../y', 'http:g', 'https://other.com/x', 'mailto:x@y', '//h2/p',
  'g?y/./x', 'g#s/../x'];

module.exports = {
  pkg: 'url/',
  root: "require('url')",
  gen: function (lib, { rng, pick }) {
    const r = rng(12);
    const u = () => pick(r, URLS);
    const out = [];
    for (const s of URLS) {
      out.push({ f: 'parse', a: [s], fn: 'parse' });
      out.push({ f: 'parse', a: [s, true], fn: 'parse(parseQueryString)' });
      out.push({ f: 'parse', a: [s, false, true], fn: 'parse(slashesDenoteHost)' });
      out.push({ f: 'format', a: [s], fn: 'format' });
      out.push({ f: 'parse', a: [s], m: [['format', []]], fn: 'Url.prototype.format' });
    }
    out.push({ f: 'parse', a: [{ $u: 1 }], fn: 'parse' });
    out.push({ f: 'parse', a: [42], fn: 'parse' });
    for (const rel of RELS) {
      const base = pick(r, ['http://a/b/c/d;p?q', URLS[0], 'http://a.com', 'mailto:x@y.z', '/a/b', 'a/b']);
      out.push({ f: 'resolve', a: [base, rel], fn: 'resolve' });
      out.push({ f: 'resolveObject', a: [base, rel], fn: 'resolveObject' });
      out.push({ f: 'parse', a: [base], m: [['resolve', [rel]]], fn: 'Url.prototype.resolve' });
      out.push({ f: 'parse', a: [base], m: [['resolveObject', [rel]]], fn: 'Url.prototype.resolveObject' });
    }
    repeat(out, 'resolve', 20, () => [u(), u()]);
    const OBJS = [{ protocol: 'http', host: 'a.com', pathname: '/x', search: '?y=1' },
      { protocol: 'https:', hostname: 'b.com', port: 8443, query: { a: 1, b: ['x', 'y'] } },
      { protocol: 'mailto', auth: 'me', host: 'x.y' }, { pathname: 'a b/c#d', hash: 'h' }, { host: 'h', slashes: true },
      { protocol: 'file', pathname: '/etc' }, { protocol: 'ftp:', hostname: 'ÄÖ.de', pathname: 'x?y' },
      { query: 'raw=1' }, { href: 'http://ignored', pathname: '/p' }, {}, { protocol: 'x', hostname: '::1', port: 1 }];
    for (const o of OBJS) { out.push({ f: 'format', a: [o], fn: 'format' }); }
    for (const bad of [null, 1, { $u: 1 }]) { out.push({ f: 'format', a: [bad], fn: 'format' }); }
    repeat(out, 'Url.prototype.parseHost', 10, () => [u()], { f: 'parse', m: [['parseHost', []]] });
    scenario(out, 'Url', 'var u = new lib.Url(); return [u, u instanceof lib.Url, lib.parse("http://a") instanceof lib.Url];');
    scenario(out, 'keys', 'return Object.keys(lib);');
    return done(out);
  }
};
