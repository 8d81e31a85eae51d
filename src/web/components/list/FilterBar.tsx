import { Card, Col, type ColProps, Form, Row } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { FilterActions, MoreFiltersButton } from "../FilterActions";
import { useIsMobile } from "../useIsMobile";

/** One control of a filter form. */
export interface FilterField {
  name: string;
  label: ReactNode;
  control: ReactNode;
  /** Shown on phones before 更多筛选 is pressed (the keyword, usually). */
  primary?: boolean;
  /** Its width in the grid; by default a sixth of a wide screen, half of a phone's. */
  col?: ColProps;
  /** Form.Item's valuePropName (`checked` for a checkbox). */
  valuePropName?: string;
}

type Values = Record<string, unknown>;

interface Props<F extends object> {
  /** The form's name (its fields' ids start with it) and the search landmark's accessible name. */
  name: string;
  label: string;
  /** The filters in force (from the address bar): the form follows them (back button, links). */
  value: F;
  onSearch: (filters: F) => void;
  fields: FilterField[];
  /** What 重置 sets; by default every field empty. */
  empty?: Partial<F>;
  /** Form values from the filters and back, where a control holds something else (a date range). */
  toValues?: (filters: F) => Values;
  fromValues?: (values: Values) => F;
}

const PRIMARY_COL: ColProps = { xs: 24, sm: 12, lg: 8, xl: 6 };
const MORE_COL: ColProps = { xs: 12, sm: 12, lg: 8, xl: 4 };

function trimmed(values: Values): Values {
  return Object.fromEntries(
    Object.entries(values).map(([key, v]) => [key, typeof v === "string" ? v.trim() || undefined : v]),
  );
}

/**
 * The filter form above a list (ProTable's search area): applied on 查询 or Enter, cleared by 重置,
 * text trimmed. On a phone only the primary fields show until 更多筛选, which tells how many of
 * the folded ones are set; folded fields stay mounted, so what was chosen still applies.
 */
export function FilterBar<F extends object>(props: Props<F>) {
  const { value, fields, toValues = (f: F) => f as Values, fromValues = (v: Values) => v as F } = props;
  const [form] = Form.useForm<Values>();
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const formValues = toValues(value);
  const empty = toValues({
    ...Object.fromEntries(fields.map((f) => [f.name, undefined])),
    ...props.empty,
  } as F);
  const key = JSON.stringify(formValues);
  // Follow the address bar without wiping what is being typed on a mere refetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialized values stand for the object
  useEffect(() => {
    form.setFieldsValue({ ...empty, ...formValues });
  }, [form, key]);
  const folded = fields.filter((f) => !f.primary);
  const activeFolded = folded.filter((f) => {
    const v = formValues[f.name];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== "" && v !== false;
  }).length;
  const hidden = isMobile && !expanded ? { display: "none" } : undefined;

  return (
    <Card size="small" style={{ marginBottom: 16 }} role="search" aria-label={props.label}>
      <Form<Values>
        form={form}
        name={props.name}
        layout="vertical"
        onFinish={(values) => props.onSearch(fromValues(trimmed(values)))}
        style={{ marginBottom: -8 }}
      >
        <Row gutter={16}>
          {fields.map((field) => (
            <Col
              key={field.name}
              {...(field.col ?? (field.primary ? PRIMARY_COL : MORE_COL))}
              style={field.primary ? undefined : hidden}
            >
              <Form.Item
                name={field.name}
                label={field.label}
                valuePropName={field.valuePropName}
                style={{ marginBottom: 12 }}
              >
                {field.control}
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} lg={8} xl={{ flex: "auto" }} style={{ display: "flex", alignItems: "flex-end" }}>
            <FilterActions
              onReset={() => {
                form.setFieldsValue(empty);
                props.onSearch(fromValues(empty));
              }}
            >
              {isMobile && folded.length > 0 && (
                <MoreFiltersButton
                  expanded={expanded}
                  active={activeFolded}
                  onToggle={() => setExpanded((open) => !open)}
                />
              )}
            </FilterActions>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
