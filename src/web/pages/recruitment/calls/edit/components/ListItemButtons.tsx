import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import { useTranslation } from "react-i18next";

/**
 * Move up, move down and remove for one entry of a Form.List (questions, a track's documents).
 * `subject` names the entry for screen readers ("问题 2").
 */
export function ListItemButtons({
  index,
  count,
  subject,
  size,
  move,
  remove,
}: {
  index: number;
  count: number;
  subject: string;
  size: number;
  move: (from: number, to: number) => void;
  remove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={size}>
      <Button
        type="text"
        icon={<ArrowUpOutlined aria-hidden />}
        aria-label={`${t("calls.moveUp")} ${subject}`}
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
      />
      <Button
        type="text"
        icon={<ArrowDownOutlined aria-hidden />}
        aria-label={`${t("calls.moveDown")} ${subject}`}
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
      />
      <Button
        type="text"
        danger
        icon={<DeleteOutlined aria-hidden />}
        aria-label={`${t("calls.remove")} ${subject}`}
        onClick={remove}
      />
    </Space>
  );
}
