export interface SwitchProps {
  id: string;
  checked: boolean;
  /** Some of a category's trackers granted, not all: exposed as `mixed`. */
  mixed?: boolean;
  disabled?: boolean;
  /** `switch` for a tracker; a category stays a checkbox, the role that can be `mixed` (WAI-ARIA 1.2). */
  role?: 'switch';
  describedBy?: string;
  onChange(checked: boolean): void;
}

/** A native checkbox drawn as a switch: keyboard, label and state come with the element. */
export function Switch({ id, checked, mixed = false, disabled, role, describedBy, onChange }: SwitchProps) {
  return (
    <input
      type="checkbox"
      class="sw"
      id={id}
      role={role}
      checked={checked}
      indeterminate={mixed}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
