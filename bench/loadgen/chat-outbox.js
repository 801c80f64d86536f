// @ts-check
'use strict';
// A simulated client's numbered chats: numbers them, keeps each until the gateway acknowledges
// it (re-sent with the same id after a resume or a refusal), and knows the last number confirmed.
const { chatText, parseChatText } = require('./delivery-check');

const RETRY_MS = 1000;
const MAX_RETRIES = 20;

class ChatOutbox {
  /** @param {string} idPrefix @param {number} member the sender's number in its room @param {boolean} tracked whether the server acks (a baseline does not) */
  constructor(idPrefix, member, tracked) {
    this.idPrefix = idPrefix;
    this.member = member;
    this.tracked = tracked;
    /** chats numbered so far */
    this.numbered = 0;
    /** highest number the gateway acknowledged */
    this.confirmed = 0;
    /** chats refused too often, given up (their receivers will count them lost) */
    this.abandoned = 0;
    /** when the unacknowledged ones are due again after a refusal (0: not due) */
    this.dueAt = 0;
    /** id → text, in the order sent @type {Map<string, string>} */
    this.pending = new Map();
    /** id → refusals so far @type {Map<string, number>} */
    this.refusals = new Map();
  }

  /** The next chat: its text, and its id when the server acknowledges. @param {number} now */
  next(now) {
    const n = ++this.numbered;
    const text = chatText(this.member, n, now);
    if (!this.tracked) return { text, id: undefined };
    const id = `${this.idPrefix}-${n}`;
    this.pending.set(id, text);
    return { text, id };
  }

  /** @param {string} id */
  ack(id) {
    const text = this.pending.get(id);
    if (text === undefined) return;
    this.pending.delete(id);
    this.refusals.delete(id);
    const n = parseChatText(text)?.n ?? 0;
    if (n > this.confirmed) this.confirmed = n;
  }

  /**
   * The gateway refused `id`: a refused message frees its id (protocol.md), so the same number
   * goes again later and no number is skipped; one that keeps failing is given up (returns true).
   * @param {string} id @param {number} now
   */
  refused(id, now) {
    if (!this.pending.has(id)) return false;
    const tries = (this.refusals.get(id) ?? 0) + 1;
    this.refusals.set(id, tries);
    if (tries <= MAX_RETRIES) {
      this.dueAt = now + RETRY_MS;
      return false;
    }
    this.pending.delete(id);
    this.abandoned++;
    return true;
  }

  /** What to send again (after a resume, a lost session or a refusal), oldest first. */
  resend() {
    this.dueAt = 0;
    return this.pending.entries();
  }

  get empty() {
    return this.pending.size === 0;
  }
}

module.exports = { ChatOutbox };
