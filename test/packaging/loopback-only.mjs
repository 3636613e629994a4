// Preloaded (node --import) into tools that try to reach the internet on their own, such as
// Electronegativity (translations, Electron release list): every non-loopback connection and
// name lookup fails locally, before any packet leaves the machine. Attempts are counted on stderr.
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
function blocked(what) {
  process.stderr.write(`loopback-only: blocked ${what}\n`);
  const error = new Error('Network access is disabled in this test (loopback only).');
  error.code = 'ENETUNREACH';
  return error;
}

const realLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  if (!LOOPBACK.has(hostname)) {
    process.nextTick(cb, blocked('lookup'));
    return {};
  }
  return realLookup.apply(this, arguments);
};
const realPromisesLookup = dns.promises.lookup;
dns.promises.lookup = async function lookup(hostname, ...rest) {
  if (!LOOPBACK.has(hostname)) throw blocked('lookup');
  return realPromisesLookup.call(this, hostname, ...rest);
};
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = (_host, ...rest) => process.nextTick(rest[rest.length - 1], blocked('resolve'));
  dns.promises[name] = async () => {
    throw blocked('resolve');
  };
  dns.Resolver.prototype[name] = function (_host, ...rest) {
    process.nextTick(rest[rest.length - 1], blocked('resolve'));
  };
  dns.promises.Resolver.prototype[name] = async () => {
    throw blocked('resolve');
  };
}

function hostOf(args) {
  const first = args[0];
  if (first && typeof first === 'object') return first.host ?? first.hostname ?? 'localhost';
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}
for (const [mod, names] of [
  [net, ['connect', 'createConnection']],
  [tls, ['connect']],
]) {
  for (const name of names) {
    const real = mod[name];
    mod[name] = function guarded(...args) {
      if (!LOOPBACK.has(hostOf(args))) throw blocked('connect');
      return real.apply(this, args);
    };
  }
}
