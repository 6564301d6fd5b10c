import { createHash } from "node:crypto";
import { domainToASCII } from "node:url";
import addressparser from "nodemailer/lib/addressparser";
import { encodeWord, encodeWords, foldLines } from "nodemailer/lib/mime-funcs";
import * as qp from "nodemailer/lib/qp";
import type { SlotName, SlotTemplate } from "../render/slot-template.js";

/** A compiled part with one recipient's values for its slots. */
export interface FilledTemplate {
  template: SlotTemplate;
  values: Record<SlotName, string>;
}

/** One message, ready for the wire. */
export interface OutgoingMessage {
  /** `Name <address>` or a bare address. */
  from: string;
  to: string;
  subject: string;
  /** With angle brackets: `<…@domain>`. */
  messageId: string;
  date: Date;
  /** Further headers (List-Unsubscribe, List-Id…): ASCII values, non-ASCII is encoded. */
  headers: Record<string, string>;
  text: FilledTemplate;
  html: FilledTemplate;
}

/** A message as bytes (CRLF lines) and the SMTP envelope it goes in. */
export interface ComposedMessage {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

/**
 * Builds the MIME message (multipart/alternative, text then HTML, both quoted-printable) by
 * hand from parts encoded once per compiled email: a digest's parts are the same for every
 * recipient, so each message costs the encoding of its few personal values, not of 30 KB of
 * HTML (nodemailer's MailComposer took 2.3 ms a message; this takes a few hundredths). The
 * encodings themselves (quoted-printable, encoded words, header folding, address parsing) are
 * nodemailer's.
 *
 * @throws Error naming the field when `from` or `to` holds no address.
 */
export function composeMessage(message: OutgoingMessage): ComposedMessage {
  const from = formatAddress(message.from, "from");
  const to = formatAddress(message.to, "to");
  const boundary = `=_briefing_${createHash("sha1").update(message.messageId).digest("hex").slice(0, 24)}`;
  const headers = [
    header("From", from.header),
    header("To", to.header),
    header("Subject", unstructured(message.subject)),
    header("Message-ID", message.messageId),
    header("Date", message.date.toUTCString().replace(/GMT$/, "+0000")),
    ...Object.entries(message.headers).map(([name, value]) => header(name, unstructured(value))),
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const body = [
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    encodeFilled(message.text),
    `--${boundary}`,
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    encodeFilled(message.html),
    `--${boundary}--`,
    "",
  ];
  return {
    envelope: { from: from.address, to: [to.address] },
    // Everything above is ASCII: quoted-printable bodies, encoded words in the headers.
    raw: Buffer.from([...headers, ...body].join("\r\n"), "latin1"),
  };
}

/** Each compiled part's encoded pieces, kept while the compiled email lives. */
const encodedPieces = new WeakMap<SlotTemplate, string[]>();

/**
 * The template's literal pieces, encoded once, joined with its values by soft line breaks: a
 * piece ends its line, so each keeps its own line lengths (at most 75 characters and the `=`).
 */
function encodeFilled(filled: FilledTemplate): string {
  let pieces = encodedPieces.get(filled.template);
  if (!pieces) {
    pieces = filled.template.parts.map(quotedPrintable);
    encodedPieces.set(filled.template, pieces);
  }
  const out: string[] = [];
  filled.template.parts.forEach((_, i) => {
    out.push(pieces[i] as string);
    const slot = filled.template.slots[i];
    if (slot !== undefined) out.push(quotedPrintable(filled.values[slot]));
  });
  return out.filter((piece) => piece !== "").join("=\r\n");
}

function quotedPrintable(text: string): string {
  return qp.wrap(qp.encode(text.replace(/\r?\n|\r/g, "\r\n")), 75);
}

function header(name: string, value: string): string {
  return foldLines(`${name}: ${value.replace(/[\r\n]+/g, " ")}`, 76);
}

/** Free text in a header: non-ASCII becomes encoded words. */
function unstructured(value: string): string {
  return encodeWords(value.replace(/[\r\n]+/g, " "), "Q", 52);
}

/** `Name <a@b>` as a header (the name quoted or encoded) and the bare address for the envelope. */
function formatAddress(text: string, field: string): { header: string; address: string } {
  const parsed = addressparser(text, { flatten: true })[0];
  if (!parsed?.address)
    throw new Error(`${field}: expected an email address, found "${text.slice(0, 80)}"`);
  const at = parsed.address.lastIndexOf("@");
  const domain = at < 0 ? "" : parsed.address.slice(at + 1);
  const ascii = /^[\x20-\x7e]*$/.test(domain) ? domain : domainToASCII(domain) || domain;
  const address = at < 0 ? parsed.address : `${parsed.address.slice(0, at)}@${ascii}`;
  if (!parsed.name) return { header: address, address };
  return { header: `${phrase(parsed.name)} <${address}>`, address };
}

/** A display name: as it is when plain, quoted when it has specials, encoded when not ASCII. */
function phrase(name: string): string {
  if (/^[\w ]*$/.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/[\\"]/g, "\\$&")}"`;
  return encodeWord(name, "Q", 52);
}
