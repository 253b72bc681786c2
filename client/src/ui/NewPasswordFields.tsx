import { Field } from './Field';
import { PASSWORD_HINT } from './passwordRules';

interface Props {
  /** names the fields' ids: `<name>` and `<name>-confirm` */
  name: string;
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: { password?: string | undefined; confirm?: string | undefined };
}

/** A new password and the same again, with the policy as the hint (account and set-password). */
export function NewPasswordFields({
  name,
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
}: Props) {
  const input = (value: string, onInput: (v: string) => void) => (c: object) => (
    <input
      {...c}
      type="password"
      autocomplete="new-password"
      maxLength={128}
      required
      value={value}
      onInput={(e) => onInput(e.currentTarget.value)}
    />
  );
  return (
    <>
      <Field name={name} label="New password" hint={PASSWORD_HINT} error={errors.password}>
        {input(password, onPassword)}
      </Field>
      <Field name={`${name}-confirm`} label="New password again" error={errors.confirm}>
        {input(confirm, onConfirm)}
      </Field>
    </>
  );
}
