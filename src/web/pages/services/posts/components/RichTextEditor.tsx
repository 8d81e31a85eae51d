/**
 * The post body's rich-text editor (TipTap on ProseMirror, which handles Chinese IME composition
 * itself): headings, bold/italic/strike, lists, quotes and links (LinkDialog), with a toolbar. An antd form
 * control: `value` is HTML, `onChange` gets HTML. The server sanitizes whatever arrives.
 */
import {
  BoldOutlined,
  DisconnectOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { Button, Flex, Tooltip } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { LinkDialog } from "./LinkDialog";
import styles from "./post-body.module.css";

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
  "aria-invalid"?: boolean;
}

export function RichTextEditor({ value, onChange, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: "https",
          protocols: ["http", "https", "mailto"],
        },
      }),
    ],
    content: value ?? "",
    editorProps: {
      attributes: {
        class: styles.body ?? "",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": t("posts.fieldBody"),
        ...(id ? { id } : {}),
        ...(rest["aria-invalid"] ? { "aria-invalid": "true" } : {}),
      },
    },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? "" : e.getHTML()),
  });

  // A value set from outside (the latest version loaded) replaces the content.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const current = editor.isEmpty ? "" : editor.getHTML();
    if ((value ?? "") !== current) editor.commands.setContent(value ?? "", { emitUpdate: false });
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            bold: e.isActive("bold"),
            italic: e.isActive("italic"),
            strike: e.isActive("strike"),
            h2: e.isActive("heading", { level: 2 }),
            h3: e.isActive("heading", { level: 3 }),
            bullet: e.isActive("bulletList"),
            ordered: e.isActive("orderedList"),
            quote: e.isActive("blockquote"),
            link: e.isActive("link"),
            canUndo: e.can().undo(),
            canRedo: e.can().redo(),
          }
        : null,
  });

  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const tool = (
    label: string,
    active: boolean | undefined,
    run: () => void,
    icon: ReactNode,
    disabled = false,
  ) => (
    <Tooltip title={label}>
      <Button
        size="small"
        type={active ? "primary" : "text"}
        aria-label={label}
        aria-pressed={!!active}
        disabled={disabled}
        icon={icon}
        onClick={run}
      />
    </Tooltip>
  );
  const setLink = (href: string) => {
    setLinking(false);
    // No text chosen and no link under the cursor: the address itself becomes the linked text.
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain()
        .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
        .run();
    } else chain().extendMarkRange("link").setLink({ href }).run();
  };

  return (
    <div className={styles.editor}>
      <Flex wrap gap={2} role="toolbar" aria-label={t("posts.toolbar")} className={styles.toolbar}>
        {tool(
          t("posts.heading"),
          state?.h2,
          () => chain().toggleHeading({ level: 2 }).run(),
          <span>H2</span>,
        )}
        {tool(
          `${t("posts.heading")} 3`,
          state?.h3,
          () => chain().toggleHeading({ level: 3 }).run(),
          <span>H3</span>,
        )}
        {tool(t("posts.bold"), state?.bold, () => chain().toggleBold().run(), <BoldOutlined />)}
        {tool(t("posts.italic"), state?.italic, () => chain().toggleItalic().run(), <ItalicOutlined />)}
        {tool(
          t("posts.strike"),
          state?.strike,
          () => chain().toggleStrike().run(),
          <StrikethroughOutlined />,
        )}
        {tool(
          t("posts.bulletList"),
          state?.bullet,
          () => chain().toggleBulletList().run(),
          <UnorderedListOutlined />,
        )}
        {tool(
          t("posts.orderedList"),
          state?.ordered,
          () => chain().toggleOrderedList().run(),
          <OrderedListOutlined />,
        )}
        {tool(t("posts.quote"), state?.quote, () => chain().toggleBlockquote().run(), <span>“ ”</span>)}
        {tool(t("posts.link"), state?.link, () => setLinking(true), <LinkOutlined />)}
        {tool(
          t("posts.unlink"),
          false,
          () => chain().unsetLink().run(),
          <DisconnectOutlined />,
          !state?.link,
        )}
        {tool(t("posts.undo"), false, () => chain().undo().run(), <UndoOutlined />, !state?.canUndo)}
        {tool(t("posts.redo"), false, () => chain().redo().run(), <RedoOutlined />, !state?.canRedo)}
      </Flex>
      <EditorContent editor={editor} />
      <LinkDialog
        open={linking}
        initial={linking ? (editor.getAttributes("link").href as string | undefined) : undefined}
        onCancel={() => {
          setLinking(false);
          chain().run();
        }}
        onSubmit={setLink}
      />
    </div>
  );
}
