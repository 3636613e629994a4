// The nodemailer contender of the SMTP benchmark as a whole process, like the CLI: a minimal script
// that reads the password from stdin, calls transporter.verify() (greeting, EHLO, STARTTLS, EHLO,
// AUTH; it resolves right after AUTH) and exits the moment verify() resolves, without waiting for
// the reply to QUIT. Plain JavaScript so that no TypeScript loader adds to its start-up.
// Usage: node bench/verify-process.mjs HOST PORT USER CA_FILE < password
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';

const [host, port, user, caFile] = process.argv.slice(2);
const password = readFileSync(0, 'utf8').split('\n', 1)[0];
const transporter = nodemailer.createTransport({
  host,
  port: Number(port),
  secure: false,
  requireTLS: true,
  auth: { user, pass: password },
  tls: { ca: readFileSync(caFile, 'utf8'), servername: 'localhost' },
});
transporter.verify().then(
  () => process.exit(0),
  () => process.exit(1),
);
