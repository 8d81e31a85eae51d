/**
 * A button that opens the browser's file chooser. antd's Upload is not used for this: as its
 * chooser opens it takes focus off its button (to a wrapper that cannot hold it), so a keyboard
 * user came back from the chooser to the page body, and it opens the chooser on Enter's keydown
 * besides the button's own click. Here a native <button> (Enter and Space click it, once) clicks
 * a hidden file input and keeps focus throughout; a cancelled chooser (the input's `cancel`
 * event) puts focus back on it in case the browser did not.
 */
import { Button, type ButtonProps } from "antd";
import { type Ref, useEffect, useRef } from "react";

type Props = Omit<ButtonProps, "onClick" | "htmlType"> & {
  /** The input's accept list (".pdf,.jpg"). */
  accept?: string;
  multiple?: boolean;
  /** On a phone, open the camera instead of the file chooser ("environment": the back camera). */
  capture?: "environment" | "user";
  /** The chosen files, once the chooser closes with a choice. */
  onFiles: (files: File[]) => void;
  ref?: Ref<HTMLButtonElement>;
};

export function FileButton({ accept, multiple, capture, onFiles, ref, ...button }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const self = useRef<HTMLButtonElement | null>(null);

  // React has no onCancel for an <input>; Chromium and Firefox fire `cancel` on it.
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const back = () => self.current?.focus();
    element.addEventListener("cancel", back);
    return () => element.removeEventListener("cancel", back);
  }, []);

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        // Inline, because antd's form styles set every file input inside a form to display: block.
        style={{ display: "none" }}
        tabIndex={-1}
        accept={accept}
        multiple={multiple}
        capture={capture}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared so that choosing the same file again is a change too.
          e.target.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
      <Button
        {...button}
        ref={(element: HTMLButtonElement | HTMLAnchorElement | null) => {
          // antd renders a <button> unless given an href, which this never is.
          const own = element as HTMLButtonElement | null;
          self.current = own;
          if (typeof ref === "function") ref(own);
          else if (ref) ref.current = own;
        }}
        onClick={() => input.current?.click()}
      />
    </>
  );
}
