import nodemailer from 'nodemailer';
import type { Config } from '../config';
import type { Logger } from '../logger';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends a mail; false when no SMTP is configured or the server refused it (logged, not thrown). */
export type Mailer = (mail: Mail) => Promise<boolean>;

/**
 * Mail is optional (SMTP_URL): without it, invitation and reset links are only shown to the
 * admin, who hands them over. A refused or unreachable SMTP server never fails the action.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, logger: Logger): Mailer {
  if (!config.smtpUrl) return () => Promise.resolve(false);
  // short timeouts: the admin waits for the answer, and the link is shown to them anyway
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  return async ({ to, subject, text }) => {
    try {
      await transport.sendMail({ from: config.mailFrom, to, subject, text });
      return true;
    } catch (err) {
      // the recipient is logged, never the text: it carries a one-time link
      logger.warn({ err: (err as Error).message, to }, 'mail not sent');
      return false;
    }
  };
}

export function passwordLinkMail(
  who: { email: string; name: string },
  purpose: 'invite' | 'reset',
  url: string,
  expiresAt: string,
): Mail {
  const until = `${expiresAt.slice(0, 16).replace('T', ' ')} UTC`;
  return purpose === 'invite'
    ? {
        to: who.email,
        subject: 'Your Firstcall account',
        text: `Hello ${who.name},\n\nAn account on Firstcall, the knowledge base, was made for you. Choose your password here (the link works once, until ${until}):\n\n${url}\n`,
      }
    : {
        to: who.email,
        subject: 'Reset your Firstcall password',
        text: `Hello ${who.name},\n\nAn administrator reset your Firstcall password. Choose a new one here (the link works once, until ${until}):\n\n${url}\n\nIf you did not expect this, tell your administrator.\n`,
      };
}
