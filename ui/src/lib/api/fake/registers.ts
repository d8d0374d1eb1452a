// Register sessions and the journal of the fake backend, as the core keeps them: one open
// session per register, opened with a counted float; cash in and out with a reason; the X
// report made from the orders rung up while the session is open; closing with the counted
// amounts per method (cash required), which freezes the Z report. The same checks, codes
// and field prefixes (`opening_float:`, `kind:`, `amount:`, `reason:`, `counted:`) as the
// core, in the same order. The journal is made up from what the core journals (sales that
// are not test orders, credit notes, register closings), with a stand-in hash chain.
import type { CashMovementRequest } from '../bindings/CashMovementRequest';
import type { CountedAmount } from '../bindings/CountedAmount';
import type { JournalVerification } from '../bindings/JournalVerification';
import type { OrderDetail } from '../bindings/OrderDetail';
import type { PaymentMethodInput } from '../bindings/PaymentMethodInput';
import type { RegisterReport } from '../bindings/RegisterReport';
import type { RegisterSessionView } from '../bindings/RegisterSessionView';
import type { ReportMethodLine } from '../bindings/ReportMethodLine';
import { BackendError } from '../errors';
import { parseMinor, toDecimal } from '../../money/money';

/** The method whose expected amount holds the float and the cash movements. */
const CASH = 'cash';
/** The longest reason of a cash movement. */
const MAX_REASON = 200;
/** As many sessions as the core lists. */
const MAX_SESSIONS = 100;

export interface FakeMovement {
  kind: 'in' | 'out';
  amountMinor: number;
  reason: string;
  staff: string;
  at: string;
}

export interface FakeSession {
  id: number;
  registerCode: string;
  number: number;
  openedAt: string;
  openedBy: string;
  floatMinor: number;
  closedAt: string | null;
  closedBy: string | null;
  movements: FakeMovement[];
  /** UUIDs of the orders rung up while it was open. */
  orders: string[];
  /** The Z report as closed. */
  z: RegisterReport | null;
}

export interface FakeRegisters {
  /** Oldest first. */
  sessions: FakeSession[];
  nextId: number;
}

export function newRegisters(): FakeRegisters {
  return { sessions: [], nextId: 1 };
}

/** Who acts at a register (until staff sign in: the register itself). */
export function actingStaff(registerCode: string): string {
  return `Register ${registerCode}`;
}

export function notOpen(registerCode: string): BackendError {
  return new BackendError(
    'register_not_open',
    `Register ${registerCode} is not open: open it with a counted float first.`,
  );
}

export function openSession(registers: FakeRegisters, registerCode: string): FakeSession | null {
  return registers.sessions.find((s) => s.registerCode === registerCode && s.closedAt === null) ?? null;
}

export function sessionView(session: FakeSession): RegisterSessionView {
  return {
    id: session.id,
    register_code: session.registerCode,
    number: session.number,
    opened_at: session.openedAt,
    opened_by: session.openedBy,
    opening_float: toDecimal(session.floatMinor),
    closed_at: session.closedAt,
    closed_by: session.closedBy,
  };
}

/** An amount of money as the core checks one: not negative, no more decimals than EUR. */
export function checkedAmount(field: string, amount: string, currency: string): number {
  const text = String(amount).trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  const [, sign = '', whole = '', fraction = ''] = match ?? [];
  if (!match || (whole === '' && fraction === '')) {
    throw new BackendError('invalid_input', `${field}: “${text}” is not an amount of money.`);
  }
  if (sign === '-' && /[1-9]/.test(whole + fraction)) {
    throw new BackendError('invalid_input', `${field}: an amount of money is not negative, not ${text}.`);
  }
  // Trailing zeros are no decimals (1.500 is 1.50).
  const digits = fraction.replace(/0+$/, '');
  const minor = digits.length > 2 ? null : parseMinor(`${whole || '0'}.${digits}`);
  if (minor === null) {
    throw new BackendError('invalid_input', `${field}: ${text} has more decimals than ${currency} has.`);
  }
  return minor;
}

export function openRegister(
  registers: FakeRegisters,
  registerCode: string,
  openingFloat: string,
  currency: string,
  now: Date,
): FakeSession {
  const floatMinor = checkedAmount('opening_float', openingFloat, currency);
  const open = openSession(registers, registerCode);
  if (open) {
    throw new BackendError(
      'register_already_open',
      `Register ${registerCode} is already open (session ${open.number} since ${open.openedAt.slice(0, 16).replace('T', ' ')}): close it before opening a new one.`,
    );
  }
  const number =
    Math.max(0, ...registers.sessions.filter((s) => s.registerCode === registerCode).map((s) => s.number)) +
    1;
  const session: FakeSession = {
    id: registers.nextId++,
    registerCode,
    number,
    openedAt: now.toISOString(),
    openedBy: actingStaff(registerCode),
    floatMinor,
    closedAt: null,
    closedBy: null,
    movements: [],
    orders: [],
    z: null,
  };
  registers.sessions.push(session);
  return session;
}

export function addMovement(
  registers: FakeRegisters,
  registerCode: string,
  request: CashMovementRequest,
  currency: string,
  now: Date,
): FakeSession {
  const { kind } = request;
  if (kind !== 'in' && kind !== 'out') {
    throw new BackendError('invalid_input', `kind: cash goes in or out, not “${kind}”.`);
  }
  const amountMinor = checkedAmount('amount', request.amount, currency);
  if (amountMinor === 0)
    throw new BackendError('invalid_input', 'amount: a cash movement is more than zero.');
  const reason = request.reason.trim();
  if (reason === '' || [...reason].length > MAX_REASON) {
    throw new BackendError(
      'invalid_input',
      `reason: say why the cash moves (1 to ${MAX_REASON} characters).`,
    );
  }
  const session = openSession(registers, registerCode);
  if (!session) throw notOpen(registerCode);
  session.movements.push({
    kind,
    amountMinor,
    reason,
    staff: actingStaff(registerCode),
    at: now.toISOString(),
  });
  return session;
}

/** Checks the counted amounts as the core does, before looking for the session. */
export function checkCounted(counted: CountedAmount[], currency: string): void {
  counted.forEach((count, index) => checkedAmount(`counted[${index}]`, count.amount, currency));
  if (!counted.some((count) => count.method === CASH)) {
    throw new BackendError('invalid_input', 'counted: count the cash in the drawer before closing.');
  }
}

/** What the report needs to know of the store. */
export interface ReportContext {
  currency: string;
  /** The payment methods in display order (their position sorts the report's lines). */
  methods: readonly PaymentMethodInput[];
  /** The session's orders that still exist. */
  orders: readonly OrderDetail[];
}

function minorOf(amount: string): number {
  return parseMinor(amount) ?? 0;
}

/** An X report (no counts) or a Z report (with counts) of a session. */
export function makeReport(
  session: FakeSession,
  context: ReportContext,
  counted: CountedAmount[] | null,
  madeAt: Date,
): RegisterReport {
  const cashIn = session.movements.filter((m) => m.kind === 'in').reduce((sum, m) => sum + m.amountMinor, 0);
  const cashOut = session.movements
    .filter((m) => m.kind === 'out')
    .reduce((sum, m) => sum + m.amountMinor, 0);
  const perMethod = new Map<string, { count: number; taken: number }>();
  const perRate = new Map<string, { base: number; tax: number }>();
  let total = 0;
  let tax = 0;
  let refunded = 0;
  for (const order of context.orders) {
    total += minorOf(order.total);
    tax += minorOf(order.tax_total);
    refunded += minorOf(order.refunded);
    for (const payment of order.payments) {
      const line = perMethod.get(payment.method) ?? { count: 0, taken: 0 };
      line.count += 1;
      line.taken += minorOf(payment.amount);
      perMethod.set(payment.method, line);
    }
    for (const rate of order.taxes) {
      const line = perRate.get(rate.label) ?? { base: 0, tax: 0 };
      line.base += minorOf(rate.base);
      line.tax += minorOf(rate.tax);
      perRate.set(rate.label, line);
    }
  }
  const position = (code: string): number => {
    const index = context.methods.findIndex((m) => m.code === code);
    return index < 0 ? 999 : index;
  };
  const codes = [...perMethod.keys()].sort(
    (a, b) => position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const methods: ReportMethodLine[] = codes.map((code) => {
    const { count, taken } = perMethod.get(code) ?? { count: 0, taken: 0 };
    return {
      method: code,
      label: context.methods.find((m) => m.code === code)?.label ?? code,
      count,
      taken: toDecimal(taken),
      expected: toDecimal(code === CASH ? session.floatMinor + taken + cashIn - cashOut : taken),
      counted: null,
      difference: null,
    };
  });
  if (!methods.some((line) => line.method === CASH)) {
    // The drawer holds the float (and the movements) even without a cash sale.
    methods.unshift({
      method: CASH,
      label: 'Cash',
      count: 0,
      taken: '0.00',
      expected: toDecimal(session.floatMinor + cashIn - cashOut),
      counted: null,
      difference: null,
    });
  }
  let difference: string | null = null;
  if (counted) {
    let sum = 0;
    for (const line of methods) {
      const count = counted.find((c) => c.method === line.method);
      if (!count) continue;
      const countedMinor = checkedAmount('counted', count.amount, context.currency);
      const gap = countedMinor - minorOf(line.expected);
      line.counted = toDecimal(countedMinor);
      line.difference = toDecimal(gap);
      sum += gap;
    }
    difference = toDecimal(sum);
  }
  return {
    kind: counted ? 'z' : 'x',
    session: sessionView(session),
    made_at: madeAt.toISOString(),
    currency_code: context.currency,
    order_count: context.orders.length,
    sales_total: toDecimal(total),
    tax_total: toDecimal(tax),
    refunded: toDecimal(refunded),
    methods,
    taxes: [...perRate.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([label, line]) => ({ label, base: toDecimal(line.base), tax: toDecimal(line.tax) })),
    cash_in: toDecimal(cashIn),
    cash_out: toDecimal(cashOut),
    movements: session.movements.map((m) => ({
      kind: m.kind,
      amount: toDecimal(m.amountMinor),
      reason: m.reason,
      staff: m.staff,
      at: m.at,
    })),
    difference,
  };
}

/** Closes the open session: freezes the Z report on it. */
export function closeSession(
  session: FakeSession,
  context: ReportContext,
  counted: CountedAmount[],
  now: Date,
): RegisterReport {
  session.closedAt = now.toISOString();
  session.closedBy = actingStaff(session.registerCode);
  session.z = makeReport(session, context, counted, now);
  return structuredClone(session.z);
}

/** This register's sessions, newest first. */
export function listSessions(registers: FakeRegisters, registerCode: string): RegisterSessionView[] {
  return registers.sessions
    .filter((s) => s.registerCode === registerCode)
    .sort((a, b) => b.number - a.number)
    .slice(0, MAX_SESSIONS)
    .map(sessionView);
}

/** A closed session's frozen Z report. */
export function frozenReport(registers: FakeRegisters, sessionId: number): RegisterReport {
  const session = registers.sessions.find((s) => s.id === sessionId);
  if (!session) throw new BackendError('not_found', `Register session ${sessionId} does not exist.`);
  if (!session.z) {
    throw new BackendError(
      'register_not_open',
      `Session ${session.number} is still open: its X report shows it so far.`,
    );
  }
  return structuredClone(session.z);
}

/** Where the core writes a report's PDF (the fake writes nothing). */
export function reportPath(report: RegisterReport): string {
  return `documents/${report.session.register_code}-${report.kind}-report-${report.session.number}.pdf`;
}

/** One journal entry as the fake lists it. */
export interface FakeJournalEntry {
  kind: 'sale' | 'credit_note' | 'register_close';
  reference: string;
  at: string;
}

/** What the core would have journaled, oldest first. */
export function journalEntries(orders: readonly OrderDetail[], registers: FakeRegisters): FakeJournalEntry[] {
  const entries: FakeJournalEntry[] = [];
  for (const order of orders) {
    if (order.is_test) continue;
    entries.push({ kind: 'sale', reference: order.reference, at: order.created_at });
    for (const note of order.credit_notes) {
      entries.push({ kind: 'credit_note', reference: note.number, at: note.issued_at });
    }
  }
  for (const session of registers.sessions) {
    if (session.closedAt !== null) {
      entries.push({
        kind: 'register_close',
        reference: `${session.registerCode}-Z${session.number}`,
        at: session.closedAt,
      });
    }
  }
  // A stable sort keeps each order's sale before its credit notes on the same instant.
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A stand-in for SHA-256 (64 hex digits, chained): the fake only has to look the part. */
function chainHash(previous: string, entry: FakeJournalEntry, seq: number): string {
  const text = `${previous}|${seq}|${entry.kind}|${entry.reference}|${entry.at}`;
  let out = '';
  for (let round = 0; round < 8; round += 1) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    out += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

const KIND_NAMES: Record<FakeJournalEntry['kind'], string> = {
  sale: 'sale',
  credit_note: 'credit note',
  register_close: 'register closing',
};

/**
 * Walks the made-up journal. `tamperedAt` (a sequence number) plays an edited row there,
 * as `kassa verify` reports one.
 */
export function verifyJournal(
  entries: readonly FakeJournalEntry[],
  tamperedAt: number | null,
): JournalVerification {
  let previous = '0'.repeat(64);
  for (const [index, entry] of entries.entries()) {
    const seq = index + 1;
    if (seq === tamperedAt) {
      return {
        entries: index,
        last_hash: null,
        problem: {
          seq,
          kind: entry.kind,
          reference: entry.reference,
          problem: `the ${KIND_NAMES[entry.kind]} ${entry.reference} no longer matches its journal entry: its rows were changed after it was recorded`,
        },
      };
    }
    previous = chainHash(previous, entry, seq);
  }
  return { entries: entries.length, last_hash: entries.length === 0 ? null : previous, problem: null };
}
