import { Card, Checkbox, Col, Form, Input, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { APPLICATION_STATUSES } from "../../../../../domain/application";
import { TRACKS } from "../../../../../domain/call";
import { useTowns } from "../../../../api/platform/reference";
import { useCallList } from "../../../../api/recruitment/calls";
import { FilterActions, MoreFiltersButton } from "../../../../components/FilterActions";
import { useFieldOptions, useTownOptions } from "../../../../components/options";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { useIsMobile } from "../../../../components/useIsMobile";
import type { QueueFilters } from "./useQueueQuery";

interface Props {
  value: QueueFilters;
  onSearch: (filters: QueueFilters) => void;
}

const EMPTY: QueueFilters = { status: [], unread: false };

/** The queue's filters, applied on 查询 or Enter; on a phone only name and status show until 更多筛选. */
export function FilterForm({ value, onSearch }: Props) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const [form] = Form.useForm<QueueFilters>();
  const towns = useTowns();
  const townOptions = useTownOptions(towns.data);
  const fieldOptions = useFieldOptions();
  const calls = useCallList({ pageSize: 100 });
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ ...EMPTY, ...value });
  }, [form, value]);
  const more = isMobile && !expanded ? { display: "none" } : undefined;
  const activeMore = [
    value.callId,
    value.track,
    value.townId,
    value.field,
    value.completeness,
    value.unread,
  ].filter(Boolean).length;
  const any = t("intake.filter.any");
  const item = { style: { marginBottom: 12 } };

  return (
    <Card size="small" style={{ marginBottom: 16 }} role="search" aria-label={t("intake.filter.label")}>
      <Form
        form={form}
        name="queueFilters"
        layout="vertical"
        onFinish={(v) => onSearch({ ...EMPTY, ...v, q: v.q?.trim() || undefined })}
        style={{ marginBottom: -8 }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={8} xl={6}>
            <Form.Item name="q" label={t("intake.filter.q")} {...item}>
              <Input allowClear placeholder={t("intake.filter.qPlaceholder")} maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8} xl={6}>
            <Form.Item name="status" label={t("intake.filter.status")} {...item}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t("intake.filter.statusDefault")}
                options={APPLICATION_STATUSES.map((s) => ({ value: s, label: labels.applicationStatus[s] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8} xl={6} style={more}>
            <Form.Item name="callId" label={t("intake.filter.call")} {...item}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                placeholder={any}
                loading={calls.isPending}
                options={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={8} xl={6} style={more}>
            <Form.Item name="track" label={t("intake.filter.track")} {...item}>
              <Select
                allowClear
                placeholder={any}
                options={TRACKS.map((k) => ({ value: k, label: labels.track[k] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={8} xl={4} style={more}>
            <Form.Item name="townId" label={t("intake.filter.town")} {...item}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                placeholder={any}
                options={townOptions}
                loading={towns.isPending}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={8} xl={4} style={more}>
            <Form.Item name="field" label={t("intake.filter.field")} {...item}>
              <Select allowClear placeholder={any} options={fieldOptions} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={8} xl={4} style={more}>
            <Form.Item name="completeness" label={t("intake.filter.completeness")} {...item}>
              <Select
                allowClear
                placeholder={any}
                options={[
                  { value: "complete", label: t("intake.filter.complete") },
                  { value: "incomplete", label: t("intake.filter.incomplete") },
                ]}
              />
            </Form.Item>
          </Col>
          <Col
            xs={24}
            sm={12}
            lg={8}
            xl={4}
            style={{ ...more, display: more ? "none" : "flex", alignItems: "flex-end" }}
          >
            <Form.Item name="unread" valuePropName="checked" {...item}>
              <Checkbox>{t("intake.filter.unread")}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} lg={8} xl={{ flex: "auto" }} style={{ display: "flex", alignItems: "flex-end" }}>
            <FilterActions
              onReset={() => {
                form.resetFields();
                form.setFieldsValue({
                  ...EMPTY,
                  q: undefined,
                  callId: undefined,
                  track: undefined,
                  townId: undefined,
                  field: undefined,
                  completeness: undefined,
                });
                onSearch(EMPTY);
              }}
            >
              {isMobile && (
                <MoreFiltersButton
                  expanded={expanded}
                  active={activeMore}
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
