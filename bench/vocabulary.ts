import { Rng, Zipf } from './lib/prng';

/**
 * The word material of the synthetic knowledge base: real support words plus a few thousand
 * made-up (but pronounceable) ones, ranked so that word frequencies follow Zipf's law. Made-up
 * words stand in for the product names, jargon and rare terms a real KB is full of, and keep
 * the vocabulary large without shipping a dictionary.
 */
/** The most common words, in rank order: every KB mentions these constantly. */
const TOP_WORDS =
  'error app account router password internet phone update login payment wifi'.split(' ');

export const SUPPORT_WORDS = `router password invoice reboot sync error app account login payment
  internet wifi connection signal network modem cable fibre light screen update firmware phone
  sim card bill charge refund plan data roaming email message voicemail call audio video stream
  channel remote box speed slow outage dns browser settings profile device battery storage
  backup restore download upload install reinstall version code pin unlock lock reset restart
  power button port adapter ethernet bluetooth printer laptop tablet tv subscription contract
  upgrade downgrade transfer number porting activation delivery order tracking address credit
  debit bank direct statement balance overdue reminder fee discount promotion voucher coupon
  network outage maintenance coverage tower antenna mesh extender hotspot tethering vpn proxy
  certificate security alert fraud verification token authenticator otp sms mms notification
  calendar contacts photos cloud drive folder file attachment sharing permission admin user
  session timeout cookie cache history keyboard microphone speaker headset camera display
  brightness volume mute ringtone charger cradle dock mount cradle outlet socket fuse breaker
  schedule appointment technician engineer visit ticket escalation complaint callback queue
  portal dashboard report usage allowance limit cap throttle quota overage tariff bundle
  landline handset extension forwarding conference recording transcript playback buffering
  resolution subtitles guide recording parental rating purchase rental library watchlist
  sensor thermostat camera doorbell alarm hub bridge pairing firmware reset factory warranty
  repair replacement return shipping label invoice receipt tax currency exchange wallet
  gateway latency jitter packet loss ping traceroute bandwidth throughput congestion`
  .split(/\s+/)
  .filter((w, i, all) => w && all.indexOf(w) === i);

export const SYMPTOMS = [
  'keeps blinking orange',
  'keeps dropping the connection',
  'shows an error',
  'restarts by itself',
  'freezes on the logo',
  'stopped working',
  'is really slow',
  'will not turn on',
  'says access denied',
  'logs me out',
  'charges me twice',
  'cannot connect',
  'shows no signal',
  'goes black',
  'is stuck loading',
];
/** Two-word symptoms for titles. */
export const TITLE_SYMPTOMS =
  `blinks orange|drops connection|shows error|restarts randomly|freezes on
  start|not charging|charged twice|no signal|login loop|stuck loading|no sound|keeps buffering|will
  not pair|sync fails|payment declined`
    .split('|')
    .map((s) => s.replace(/\s+/g, ' ').trim());
export const EVENTS = [
  'the update',
  'last night',
  'I moved house',
  'the power cut',
  'I changed my password',
  'the new bill came',
  'I switched phones',
  'yesterday',
  'the engineer visit',
  'the storm',
];
export const VERBS = `restart reboot unplug check open reset update sync clear confirm reinstall
  select tap enter verify disable enable remove add move wait reconnect replace escalate
  refresh note`.split(/\s+/);
export const SYSTEMS = ['Android 14', 'iOS 17.4', 'Windows 11', 'macOS 14', 'ChromeOS', 'Tizen 7'];
export const LINKS = ['fibre', 'DSL', '5G', 'cable', 'satellite'];

export interface Department {
  slug: string;
  name: string;
  kind: 'frontline' | 'engineering';
  productTypes: string[];
}

const DEPARTMENT_TABLE = `frontline|Contact Center|frontline|care app
  network|Network Engineering|engineering|router,modem,mesh node,fibre box
  billing|Billing|engineering|invoice portal,pay app,direct debit
  mobile|Mobile|engineering|SIM,eSIM,5G hotspot,phone plan
  tv|TV and Streaming|engineering|TV box,streaming app,remote
  devices|Devices|engineering|smartphone,tablet,smartwatch
  accounts|Accounts and Identity|engineering|login portal,authenticator
  platform|Platform|engineering|customer app,web portal`;

export const DEPARTMENTS: Department[] = DEPARTMENT_TABLE.split('\n').map((line) => {
  const [slug, name, kind, types] = line.trim().split('|') as [string, string, string, string];
  return { slug, name, kind: kind as Department['kind'], productTypes: types.split(',') };
});

const ONSETS = 'b c d f g k l m n p r s t v z br cr dr gl pl st tr sh ch'.split(' ');
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'x', 'nd', 'rt', 'm'];

export interface Vocabulary {
  /** words by frequency rank: words[0] is the most common */
  words: string[];
  zipf: Zipf;
  /** error codes by popularity rank */
  codes: string[];
  codeZipf: Zipf;
  /** product names per department slug */
  products: Map<string, string[]>;
}

/** Builds the vocabulary; the same seed always gives the same words in the same order. */
export function makeVocabulary(seed: number, madeUp = 3000): Vocabulary {
  const rng = new Rng(seed);
  const real = new Set(SUPPORT_WORDS);
  const invented = new Set<string>();
  while (invented.size < madeUp) {
    let w = '';
    for (let s = rng.int(2, 3); s > 0; s--) w += rng.pick(ONSETS) + rng.pick(VOWELS);
    w += rng.pick(CODAS);
    if (w.length >= 4 && w.length <= 11 && !real.has(w)) invented.add(w);
  }
  // Real words dominate the top ranks (everyone writes "router" and "error"); invented ones
  // fill the long tail, with a few real words sprinkled in.
  const realLeft = rng.shuffle(SUPPORT_WORDS.filter((w) => !TOP_WORDS.includes(w)));
  const inventedLeft = [...invented];
  const words: string[] = [...TOP_WORDS];
  while (realLeft.length || inventedLeft.length) {
    const r = words.length;
    const pReal = r < 100 ? 0.85 : r < 600 ? 0.35 : 0.03;
    const fromReal = realLeft.length > 0 && (inventedLeft.length === 0 || rng.chance(pReal));
    words.push((fromReal ? realLeft : inventedLeft).pop()!);
  }
  const codes = makeCodes(rng, 2500);
  const products = new Map<string, string[]>();
  for (const d of DEPARTMENTS) {
    const names: string[] = [];
    for (const type of d.productTypes) {
      for (let i = 0; i < 4; i++) {
        const brand = capitalize(tailWord(rng, words));
        names.push(
          rng.chance(0.5)
            ? `${brand} ${type}`
            : `${brand.slice(0, 2).toUpperCase()}-${rng.int(1, 9)}00 ${type}`,
        );
      }
    }
    products.set(d.slug, names);
  }
  return {
    words,
    zipf: new Zipf(words.length, 1.05),
    codes,
    codeZipf: new Zipf(codes.length, 1),
    products,
  };
}

function tailWord(rng: Rng, words: string[]): string {
  return words[rng.int(600, words.length - 1)]!;
}

const PREFIXES = ['PAY', 'NET', 'SIM', 'TV', 'AUTH', 'BILL', 'VOIP', 'DNS', 'OTP', 'APP'];
const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => '0123456789ABCDEF'[rng.int(0, 15)]).join('');

/** Error codes in the formats agents hear on calls, each distinct. */
function makeCodes(rng: Rng, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const code = rng.weighted<() => string>([
      [() => `E-${rng.int(1000, 9999)}`, 4],
      [() => `0x8007${hex(rng, 4)}`, 2],
      [() => `HTTP ${rng.pick([400, 401, 403, 404, 408, 429, 500, 502, 503, 504])}`, 0.3],
      [() => `${rng.pick(PREFIXES)}-${rng.int(100, 999)}`, 3],
      [
        () =>
          `${rng.pick(PREFIXES)}-${rng.pick(['REG', 'AUTH', 'SYNC', 'CFG'])}-${rng.int(10, 99)}`,
        1.5,
      ],
      [
        () =>
          `ERR_${rng.pick(['CONNECTION', 'NAME', 'CERT', 'TIMED'])}_${rng.pick(['RESET', 'REFUSED', 'INVALID', 'OUT'])}`,
        0.2,
      ],
    ])();
    out.add(code);
  }
  return rng.shuffle([...out]);
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
