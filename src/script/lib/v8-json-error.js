// postie library: the message V8 (Node 20, which Newman runs on) gives a `JSON.parse`
// SyntaxError, for scripts that use the engine's own JSON ("use sandbox2"). QuickJS words its
// errors differently, so the text that failed is scanned again here to find where V8 stops and
// what it says there. postie's own implementation, checked against Node by a seeded random test
// (tools/libdiff/json-errors.js).
(function () {
  'use strict';

  // Longer sources than this are quoted around the bad character, CONTEXT characters each side.
  const CONTEXT = 10;
  const MIN_FOR_CONTEXT = 2 * CONTEXT + 1;
  const SPECIAL = ['[object Object]', 'undefined', 'Infinity', 'NaN'];
  const WHITESPACE = ' \t\r\n';

  // A scan stops at the first error; `fail` records it as a thrown marker.
  function Stop(message) { this.message = message; }

  function scanner(src) {
    let pos = 0;
    const len = src.length;
    const at = function (i) { return i < len ? src[i] : ''; };
    const isDigit = function (c) { return c >= '0' && c <= '9' && c !== ''; };

    // The message for the character at `pos`, by its token kind, when no rule names one.
    function unexpected() {
      if (pos >= len) return 'Unexpected end of JSON input';
      const c = src[pos];
      if (isDigit(c) || c === '-') return 'Unexpected number in JSON at position ' + pos;
      if (c === '"') return 'Unexpected string in JSON at position ' + pos;
      if (SPECIAL.indexOf(src) >= 0) return '"' + src + '" is not valid JSON';
      const token = "Unexpected token '" + c + "', ";
      if (len < MIN_FOR_CONTEXT) return token + '"' + src + '" is not valid JSON';
      if (pos < CONTEXT) return token + '"' + src.slice(0, pos + CONTEXT) + '"... is not valid JSON';
      if (pos < len - CONTEXT) {
        return token + '..."' + src.slice(pos - CONTEXT, pos + CONTEXT) + '"... is not valid JSON';
      }
      return token + '..."' + src.slice(pos - CONTEXT) + '" is not valid JSON';
    }
    function fail(rule) {
      throw new Stop(rule === undefined ? unexpected() : rule + ' at position ' + pos);
    }
    function skip() {
      while (pos < len && WHITESPACE.indexOf(src[pos]) >= 0) pos++;
    }
    function expect(c, rule) {
      skip();
      if (src[pos] !== c) fail(rule);
      pos++;
    }

    function string() {
      pos++;
      for (;;) {
        if (pos >= len) fail('Unterminated string in JSON');
        const c = src[pos];
        if (c === '"') { pos++; return; }
        if (c < ' ') fail('Bad control character in string literal in JSON');
        if (c === '\\') {
          pos++;
          if (pos >= len) fail();
          const e = src[pos];
          if (e === 'u') {
            for (let i = 0; i < 4; i++) {
              pos++;
              if (!/[0-9a-fA-F]/.test(at(pos))) fail('Bad Unicode escape in JSON');
            }
          } else if ('"\\/bfnrt'.indexOf(e) < 0) {
            // (V8's escape table covers Latin-1 only: a wider character is an unexpected token)
            fail(e.charCodeAt(0) > 0xff ? undefined : 'Bad escaped character in JSON');
          }
        }
        pos++;
      }
    }
    function digits() {
      const start = pos;
      while (isDigit(at(pos))) pos++;
      return pos > start;
    }
    function number() {
      if (src[pos] === '-') {
        pos++;
        if (!isDigit(at(pos))) fail('No number after minus sign in JSON');
      }
      if (src[pos] === '0') {
        pos++;
        if (isDigit(at(pos))) fail();
      } else {
        digits();
      }
      if (at(pos) === '.') {
        pos++;
        if (!digits()) fail('Unterminated fractional number in JSON');
      }
      if (at(pos) === 'e' || at(pos) === 'E') {
        pos++;
        if (at(pos) === '+' || at(pos) === '-') pos++;
        if (!digits()) fail('Exponent part is missing a number in JSON');
      }
    }
    function literal(word) {
      for (let i = 0; i < word.length; i++, pos++) {
        if (src[pos] !== word[i]) fail();
      }
    }
    function object() {
      pos++;
      skip();
      if (src[pos] === '}') { pos++; return; }
      let first = true;
      do {
        skip();
        if (src[pos] !== '"') fail(first ? "Expected property name or '}' in JSON" : 'Expected double-quoted property name in JSON');
        string();
        expect(':', first ? "Expected ':' after property name in JSON" : undefined);
        value();
        first = false;
        skip();
      } while (src[pos] === ',' && ++pos);
      if (src[pos] !== '}') fail("Expected ',' or '}' after property value in JSON");
      pos++;
    }
    function array() {
      pos++;
      skip();
      if (src[pos] === ']') { pos++; return; }
      do {
        value();
        skip();
      } while (src[pos] === ',' && ++pos);
      if (src[pos] !== ']') fail("Expected ',' or ']' after array element in JSON");
      pos++;
    }
    function value() {
      skip();
      const c = at(pos);
      if (c === '"') string();
      else if (c === '-' || isDigit(c)) number();
      else if (c === '{') object();
      else if (c === '[') array();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else fail();
    }
    return function scan() {
      value();
      skip();
      if (pos < len) fail('Unexpected non-whitespace character after JSON');
    };
  }

  // V8's message for `JSON.parse(text)`, or null when V8 would parse it.
  return function v8JsonError(text) {
    try {
      scanner(String(text))();
      return null;
    } catch (e) {
      if (e instanceof Stop) return e.message;
      throw e;
    }
  };
})
