import { useRef, useState, type RefObject } from 'react';

export interface Toggle {
  open: boolean;
  button: RefObject<HTMLButtonElement | null>;
  flip(): void;
  /** Folds the form away and gives the focus back to the button that opened it. */
  close(): void;
}

/** A form shown under the button that opens it. */
export function useToggle(): Toggle {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return {
    open,
    button,
    flip: () => setOpen((wasOpen) => !wasOpen),
    close() {
      setOpen(false);
      button.current?.focus();
    },
  };
}

interface FormToggleProps {
  toggle: Toggle;
  label: string;
  formId: string;
  onFlip(): void;
}

/** The button that shows or hides a form, saying which and whether it is shown (WAI-ARIA disclosure). */
export function FormToggle({ toggle, label, formId, onFlip }: FormToggleProps) {
  return (
    <div className="toolbar">
      <button
        ref={toggle.button}
        type="button"
        className="button"
        aria-expanded={toggle.open}
        aria-controls={formId}
        onClick={() => {
          onFlip();
          toggle.flip();
        }}
      >
        {label}
      </button>
    </div>
  );
}
