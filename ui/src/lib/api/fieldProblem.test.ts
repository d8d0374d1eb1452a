// Tests reading the field a refusal names first, only to place its message.
import { describe, expect, it } from 'vitest';
import { emailFieldProblem, messageField, messageText } from './fieldProblem';

describe('field of a refusal', () => {
  it('reads the field a message starts with', () => {
    expect(messageField('host: "a b" is not a host name')).toBe('host');
    expect(messageField('admin_addresses[3]: "x" is not an e-mail address')).toBe('admin_addresses[3]');
    expect(messageField('e-mail: "x" is not an e-mail address: it is empty.')).toBe('e-mail');
    expect(messageField('"x" is not an e-mail address: it is empty')).toBeNull();
    expect(messageField('smtp.example.com:25: connection refused')).toBeNull();
    expect(messageField('Set up the SMTP server first (Settings → E-mail).')).toBeNull();
  });

  it('drops the field from the message', () => {
    expect(messageText('port: the port must be between 1 and 65535')).toBe(
      'The port must be between 1 and 65535',
    );
    expect(messageText('No field here: really')).toBe('No field here: really');
  });

  it('words a refused customer address for its field, by the code only', () => {
    expect(
      emailFieldProblem({ code: 'invalid_email', message: 'e-mail: "x" is not an e-mail address.' }),
    ).toEqual({
      code: 'invalid_email',
      message: '"x" is not an e-mail address.',
    });
    expect(emailFieldProblem({ code: 'invalid_input', message: 'e-mail: too long' })).toBeNull();
  });
});
