// The payment method being edited in the settings (the set of methods is fixed): its
// label, whether it is offered, the status an order starts in with it (a paid status
// means the money is taken now, any other that it is paid later) and where it may be used
// (currencies, countries, customer groups, carriers; empty for everywhere).
import type { PaymentMethodInput } from '../api/bindings/PaymentMethodInput';
import { codeList, listText } from './formFields';
import type { SettingsForm } from './settingsList.svelte';

export class PaymentMethodForm implements SettingsForm<PaymentMethodInput> {
  readonly code: string;
  readonly originalLabel: string;

  label = $state('');
  active = $state(true);
  initialStatus = $state('');
  currencies = $state('');
  countries = $state('');
  groups = $state('');
  carriers = $state('');

  saving = $state(false);
  error = $state<string | null>(null);

  constructor(method: PaymentMethodInput) {
    this.code = method.code;
    this.originalLabel = method.label;
    this.label = method.label;
    this.active = method.active;
    this.initialStatus = method.initial_status;
    this.currencies = listText(method.currencies);
    this.countries = listText(method.countries);
    this.groups = listText(method.customer_groups);
    this.carriers = listText(method.carriers);
  }

  request(): PaymentMethodInput {
    return {
      code: this.code,
      label: this.label.trim(),
      active: this.active,
      initial_status: this.initialStatus,
      currencies: codeList(this.currencies, true),
      countries: codeList(this.countries, true),
      customer_groups: codeList(this.groups),
      carriers: codeList(this.carriers),
    };
  }
}
