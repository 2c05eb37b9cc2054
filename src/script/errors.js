// postie errors: engine errors get V8's (Node's) wording when QuickJS creates them, so a script
// that catches one (try/catch, a promise's rejection handler, an async function's rejection)
// reads the message Newman would show. QuickJS calls `Error.prepareStackTrace` for every error it
// creates, engine-made or constructed by code; this hook rewords the message of the engine-made
// ones in place (the Rust side, `v8Reword`, knows the wordings and reads the script's source at
// the error's position) and formats the stack as Newman's sandbox begins it (`Error: message`)
// followed by QuickJS's frames.
(function (P) {
  'use strict';

  const hasOwn = Object.prototype.hasOwnProperty;
  const toTag = Object.prototype.toString;
  const SCRIPT_FILE = 'postie-script';
  // The kinds of error QuickJS raises whose wording differs from V8's.
  const ENGINE = { TypeError: true, RangeError: true, SyntaxError: true, ReferenceError: true, URIError: true };
  // Native frames through which code constructs an error itself (Reflect.construct, .call).
  const CONSTRUCTING = { construct: true, apply: true, call: true };

  // QuickJS's default stack text: one `    at name (file:line:col)` line per frame.
  function formatStack(sites) {
    let out = '';
    for (let i = 0; i < sites.length; i++) {
      const site = sites[i];
      const file = site.getFileName();
      const line = site.getLineNumber();
      const position = line === null || line === undefined || line === -1 ? '' : ':' + line + ':' + site.getColumnNumber();
      if (site.getFunction() === null && !site.isNative()) {
        // The position of a syntax error: the file alone.
        out += '    at ' + file + position + '\n';
        continue;
      }
      out += '    at ' + (site.getFunctionName() || '<anonymous>');
      out += site.isNative() ? ' (native)' : ' (' + (file === null ? '<null>' : file) + position + ')';
      out += '\n';
    }
    return out;
  }

  // Whether code (not the engine) made this error: a subclass of Error constructing it, or a
  // native frame that constructs on the code's behalf. `new TypeError(...)` written in the script
  // is told apart on the Rust side, from the source at the position.
  function constructedByCode(first) {
    if (first.isNative()) return CONSTRUCTING[first.getFunctionName()] === true;
    if (!first.isConstructor()) return false;
    const fn = first.getFunction();
    return typeof fn === 'function' && fn.prototype instanceof Error;
  }

  const TO_OBJECT = 'Cannot convert undefined or null to object';

  function reword(err, sites) {
    if (err === null || typeof err !== 'object' || toTag.call(err) !== '[object Error]') return;
    if (!hasOwn.call(err, 'message') || !sites.length) return;
    const name = err.name;
    const message = err.message;
    if (ENGINE[name] !== true || typeof message !== 'string') return;
    // V8's wordings start with a capital letter or name a value; QuickJS's mostly do not.
    const head = message.charAt(0);
    // (QuickJS's JS_ToObject already speaks V8's words, but V8 says more for a destructuring.)
    if (!(head >= 'a' && head <= 'z') && head !== "'" && message !== TO_OBJECT) return;
    const first = sites[0];
    if (constructedByCode(first)) return;
    if (message === "class constructors must be invoked with 'new'" && !first.isNative()) {
      err.message = 'Class constructor ' + String(first.getFunctionName() || '') + " cannot be invoked without 'new'";
      return;
    }
    let native = first.isNative() ? String(first.getFunctionName() || '') : '';
    // A syntax error in code given to eval: its position there, and the eval call's in the script.
    if (name === 'SyntaxError' && first.getFileName() === '<input>' && sites.length > 1) {
      native = 'eval:' + first.getLineNumber() + ':' + first.getColumnNumber();
    }
    // The first frame in the script: the error's own position, or the call into the native
    // function that raised it.
    let line = 0;
    let col = 0;
    const at = native && sites.length > 1 ? sites[1] : first;
    if (at.getFileName() === SCRIPT_FILE && !at.isNative()) {
      line = Number(at.getLineNumber()) || 0;
      col = Number(at.getColumnNumber()) || 0;
    }
    const state = P.state();
    const source = state && typeof state.source === 'string' ? state.source : '';
    // A script raising the same error over and over (a loop) asks the Rust side once.
    if (state !== memoState || memo.size >= MEMO_LIMIT) {
      memoState = state;
      memo = new Map();
    }
    const key = name + '\n' + native + '\n' + line + ':' + col + '\n' + message;
    let worded = memo.get(key);
    if (worded === undefined) {
      worded = String(P.v8Reword(name, message, native, line, col, line > 0 ? source : ''));
      memo.set(key, worded);
    }
    if (worded !== message) err.message = worded;
  }
  // Rewordings of the current script's errors, by origin and message.
  const MEMO_LIMIT = 1024;
  let memoState = null;
  let memo = new Map();

  // The first line of the stack text as Newman's sandbox has it: `Error: ` and the message
  // (whatever the error's name), read when the error is made.
  function header(err) {
    let message;
    try {
      message = err.message;
    } catch (e) {
      message = undefined;
    }
    return 'Error: ' + (message === undefined ? '' : String(message));
  }

  function prepare(err, sites) {
    try {
      reword(err, sites);
    } catch (e) {
      // Never let the rewording get in the way of the error itself.
    }
    let head = '';
    if (err !== null && typeof err === 'object') {
      try {
        head = header(err) + '\n';
      } catch (e) {
        head = '';
      }
    }
    return ownStack(err, head + formatStack(sites));
  }

  // V8 gives every error an own `stack`, listed before its `message` (QuickJS keeps it behind
  // an accessor of Error.prototype): scripts that list an error's own properties see V8's.
  function ownStack(err, stack) {
    // (a thrown value that is no Error has no stack in V8)
    if (!(err instanceof Error) || hasOwn.call(err, 'stack')) return stack;
    try {
      const message = Object.getOwnPropertyDescriptor(err, 'message');
      if (message && message.configurable) delete err.message;
      Object.defineProperty(err, 'stack', { value: stack, writable: true, enumerable: false, configurable: true });
      if (message && message.configurable) Object.defineProperty(err, 'message', message);
    } catch (e) {
      // A frozen or exotic object keeps the engine's accessor.
    }
    return stack;
  }
  P.errorHeader = header;

  // Newman's sandbox fixes `Error.prepareStackTrace` (read-only, not configurable): scripts see
  // a function named `value` and cannot replace it; the engine keeps calling `prepare`.
  // (assigned first: the engine keeps the hook it is given through its own setter)
  Error.prepareStackTrace = prepare;
  try {
    Object.defineProperty(prepare, 'name', { value: 'value' });
    Object.defineProperty(Error, 'prepareStackTrace', {
      value: prepare, writable: false, enumerable: false, configurable: false,
    });
  } catch (e) {
    // Not redefinable: scripts then see (and may replace) the hook itself.
  }
})(globalThis.__postie_internal);
