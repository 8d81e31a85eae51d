/**
 * A calendar date as the browser's own date field (`<input type="date">`, styled as an antd
 * input), holding "YYYY-MM-DD" or null. Chosen over antd's DatePicker for dates people type once
 * and may be far back (a founding date): on a phone it opens the system's date picker (Android's
 * calendar with its year list, iOS's wheels), which covers no field with a keyboard and needs no
 * popup to fit a 390 px screen; on a desktop it can be typed. `min` and `max` bound both.
 */
import { Input } from "antd";
import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof Input>, "value" | "onChange" | "type"> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
  min: string;
  max: string;
};

export function DateInput({ value, onChange, onKeyDown, ...rest }: Props) {
  return (
    <Input
      {...rest}
      type="date"
      // Enter in a date field finishes the date (people press it after typing the year), it does
      // not submit the whole form around it (the browser's implicit submission would save it).
      onKeyDown={(event) => {
        if (event.key === "Enter") event.preventDefault();
        onKeyDown?.(event);
      }}
      value={value ?? ""}
      onChange={(event) => onChange?.(event.target.value === "" ? null : event.target.value)}
    />
  );
}
